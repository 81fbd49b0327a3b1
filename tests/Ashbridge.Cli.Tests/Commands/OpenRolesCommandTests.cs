using System.Text.Json;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge open-roles import|list</c> in-process, on a SQLite file per test, against an emulated Ashby.</summary>
public sealed class OpenRolesCommandTests(ConnectionEmulator emulator) : IClassFixture<ConnectionEmulator>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-open-roles-").FullName;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task Import_prints_the_counts_and_list_shows_the_roles_as_a_table_and_as_json()
    {
        (await Run("connection", "add", "--name", "acme", "--api-key", ConnectionEmulator.FullKey, "--base-url", emulator.BaseUrl.ToString())).ExitCode.ShouldBe(0);
        var (empty, nothing) = await Run("open-roles", "list");
        empty.ShouldBe(0, nothing);
        nothing.ShouldContain("No open roles");

        var (imported, counts) = await Run("open-roles", "import", "--connection", "acme");
        imported.ShouldBe(0, counts);
        counts.ShouldMatch(@"Imported the open roles of acme: (\d+) new, 0 changed, 0 closed; \1 open\.");

        var (listed, json) = await Run("open-roles", "list", "--json");
        listed.ShouldBe(0, json);
        using var document = JsonDocument.Parse(json);
        var roles = document.RootElement.GetProperty("roles").EnumerateArray().ToList();
        roles.ShouldNotBeEmpty();
        roles.ShouldAllBe(r => r.GetProperty("isOpen").GetBoolean() && !r.GetProperty("isConfidential").GetBoolean());
        counts.ShouldContain($"{roles.Count} new");

        var (shown, table) = await Run("open-roles", "list", "--connection", "acme");
        shown.ShouldBe(0, table);
        table.ShouldContain(roles[0].GetProperty("postingId").GetString()!);
        table.ShouldContain($"{roles.Count} role(s) in acme.");
        if (roles.Any(r => !r.GetProperty("isListed").GetBoolean())) table.ShouldContain("unlisted");

        var (again, second) = await Run("open-roles", "import");
        again.ShouldBe(0, second);
        second.ShouldContain("0 new, 0 changed, 0 closed");
        (await Run("open-roles", "list", "--all")).ExitCode.ShouldBe(0);
        (await Run("open-roles", "import", "--connection", "nope")).ExitCode.ShouldBe(7);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
