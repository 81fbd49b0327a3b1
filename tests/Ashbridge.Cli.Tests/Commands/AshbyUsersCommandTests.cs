using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge users …</c> in-process, on a SQLite file with a connection to a real emulated Ashby, synced by the CLI.</summary>
public sealed class AshbyUsersCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-users-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task Users_are_listed_found_reviewed_and_added_to_a_hiring_team()
    {
        (await Run("connection", "add", "--name", "acme", "--api-key", emulator.ApiKey, "--base-url", emulator.BaseUrl.ToString())).ExitCode.ShouldBe(0);
        (await Run("sync", "--connection", "acme")).ExitCode.ShouldBe(0);
        using (var http = new HttpClient())
        {
            (await http.PostAsJsonAsync(new Uri(emulator.BaseUrl, "_emulator/users"), new { firstName = "Cli", lastName = "Operator", email = "cli.operator@example.com", globalRole = "Elevated Access" }, Ct)).EnsureSuccessStatusCode();
        }

        (await Run("sync", "--connection", "acme")).ExitCode.ShouldBe(0);

        var (listCode, list) = await Run("users", "list", "-q", "cli.operator");
        listCode.ShouldBe(0, list);
        list.ShouldContain("cli.operator@example.com");
        list.ShouldContain("Elevated Access");
        list.ShouldContain("1 user(s).");

        var (jsonCode, json) = await Run("users", "list", "--json");
        jsonCode.ShouldBe(0, json);
        JsonDocument.Parse(json).RootElement.EnumerateArray().ShouldContain(u => u.GetProperty("email").GetString() == "cli.operator@example.com" && u.GetProperty("isEnabled").GetBoolean());

        string jobId;
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        await using (var connection = await database.ConnectAsync(Ct))
        {
            jobId = await connection.ExecuteScalarAsync<string>("SELECT id FROM mirror_jobs WHERE status = 'Open' AND is_confidential = FALSE ORDER BY id LIMIT 1") ?? "";
        }

        var (addCode, added) = await Run("users", "add-to-team", "--email", "CLI.Operator@example.com", "--job", jobId, "--role", "recruiter");
        addCode.ShouldBe(0, added);
        added.ShouldContain("Added Cli Operator");
        var (findCode, found) = await Run("users", "find", "cli.operator@example.com", "--json");
        findCode.ShouldBe(0, found);
        var seat = JsonDocument.Parse(found).RootElement.GetProperty("hiringTeams").EnumerateArray().ShouldHaveSingleItem();
        seat.GetProperty("jobId").GetString().ShouldBe(jobId);
        seat.GetProperty("role").GetString().ShouldBe("Recruiter");

        var (wrongRole, roles) = await Run("users", "add-to-team", "--email", "cli.operator@example.com", "--job", jobId, "--role", "Chief Vibes Officer");
        wrongRole.ShouldBe(7);
        roles.ShouldContain("Roles: ");
        (await Run("users", "add-to-team", "--email", "nobody@example.com", "--job", jobId, "--role", "Recruiter")).Output.ShouldContain("No Ashby user of acme has the email nobody@example.com");
        (await Run("users", "add-to-team", "--email", "cli.operator@example.com", "--role", "Recruiter")).ExitCode.ShouldBe(2);
        (await Run("users", "find", "nobody@example.com")).ExitCode.ShouldBe(7);

        var (changesCode, changes) = await Run("users", "changes", "--since", "2000-01-01");
        changesCode.ShouldBe(0, changes);
        changes.ShouldContain("added");
        changes.ShouldContain("cli.operator@example.com");
        (await Run("users", "changes", "--since", "last week")).ExitCode.ShouldBe(2);

        var (reviewCode, review) = await Run("users", "review", "--json");
        reviewCode.ShouldBe(0, review);
        JsonDocument.Parse(review).RootElement.GetProperty("findings").EnumerateArray()
            .ShouldContain(f => f.GetProperty("kind").GetString() == "privileged" && f.GetProperty("user").GetProperty("email").GetString() == "cli.operator@example.com");

        (await Run("users", "remove-from-team", "--email", "cli.operator@example.com", "--job", jobId, "--role", "Recruiter")).ExitCode.ShouldBe(0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
