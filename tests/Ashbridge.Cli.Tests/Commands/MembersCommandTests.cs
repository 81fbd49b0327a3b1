using System.Text.Json;
using Ashbridge.Cli.Commands;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge members list|export</c> in-process, on a SQLite file per test with two members in it.</summary>
public sealed class MembersCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-members-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task Members_are_listed_by_search_and_exported_as_csv_or_json_with_compensation_only_when_asked_and_every_export_audited()
    {
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        await using (var connection = await database.ConnectAsync(Ct))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO members (first_name, last_name, personal_email, job_title, department, start_date, salary_amount, salary_currency, salary_period, extra_json, created_ms, created_by)
                VALUES ('Ada', 'Lovelace', 'ada@example.com', 'Staff Engineer', 'Engineering', '2026-12-01', 120000, 'GBP', 'year', '{}', 1764000000000, 'admin@example.com'),
                       ('[Bob]', 'Marley', 'bob@example.com', 'Designer', NULL, NULL, NULL, NULL, NULL, '{}', 1764000001000, 'admin@example.com')
                """);
        }

        var (listed, list) = await Run("members", "list", "--search", "engineer");
        listed.ShouldBe(0, list);
        list.ShouldContain("Ada Lovelace");
        list.ShouldNotContain("Marley");
        (await Run("members", "list")).Output.ShouldContain("[Bob] Marley"); // brackets are text, not markup

        var (exported, csv) = await Run("members", "export");
        exported.ShouldBe(0, csv);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("id,first_name,last_name,personal_email");
        lines.Length.ShouldBe(3);
        lines.ShouldContain(l => l.Contains("Ada,Lovelace,ada@example.com", StringComparison.Ordinal) && l.Contains("120000.00,GBP,year", StringComparison.Ordinal));

        var file = Path.Combine(_folder, "members.json");
        var (written, message) = await Run("members", "export", "--format", "json", "--without-compensation", "--output", file);
        written.ShouldBe(0, message);
        message.ShouldContain("Exported 2 members");
        var json = await File.ReadAllTextAsync(file, Ct);
        json.ShouldNotContain("120000");
        var members = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        members.Select(m => m.GetProperty("personalEmail").GetString()).Order().ShouldBe(["ada@example.com", "bob@example.com"]);

        var (refused, why) = await Run("members", "export", "--format", "xml");
        refused.ShouldBe(MembersCommand.UnknownFormat);
        why.ShouldContain("use csv or json");

        await using var reopened = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct);
        var audit = (await new AuditLog(reopened, TimeProvider.System).ListAsync(10, Ct)).Where(e => e.Action == "members.export").ToList();
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(e => e.Actor == "cli");
        audit.ShouldContain(e => e.Target == "json" && e.Detail!.Contains("without compensation", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
