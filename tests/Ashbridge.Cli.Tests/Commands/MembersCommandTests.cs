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

    [Fact]
    public async Task A_member_is_found_by_any_column_offboarded_with_a_last_day_listed_as_such_and_reinstated_each_audited()
    {
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        await using (var connection = await database.ConnectAsync(Ct))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO members (first_name, last_name, personal_email, personal_phone, job_title, place_of_work, extra_json, created_ms, created_by)
                VALUES ('Ada', 'Lovelace', 'ada@example.com', '+44 7700 900123', 'Analyst', 'London', '{}', 1764000000000, 'admin@example.com'),
                       ('Grace', 'Hopper', 'grace@example.com', NULL, 'Admiral', 'Arlington', '{}', 1764000001000, 'admin@example.com')
                """);
        }

        var (found, byPlace) = await Run("members", "list", "--search", "arlington");
        found.ShouldBe(0, byPlace);
        byPlace.ShouldContain("Grace Hopper");
        byPlace.ShouldNotContain("Lovelace");
        (await Run("members", "list", "--search", "7700 900")).Output.ShouldContain("Ada Lovelace"); // the phone column too

        (await Run("members", "offboard", "2", "--last-day", "soon")).ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(MembersCommand.UnknownFormat), r => r.Output.ShouldContain("'soon' is not a date"));
        var (offboarded, said) = await Run("members", "offboard", "2", "--last-day", "2027-01-31");
        offboarded.ShouldBe(0, said);
        said.ShouldContain("Offboarded Grace Hopper; their last day is 2027-01-31.");
        (await Run("members", "list")).Output.ShouldNotContain("Grace Hopper"); // active members by default
        (await Run("members", "list", "--status", "offboarded")).Output.ShouldSatisfyAllConditions(o => o.ShouldContain("Grace Hopper"), o => o.ShouldContain("2027-01-31"));
        (await Run("members", "offboard", "99", "--last-day", "2027-01-31")).ExitCode.ShouldBe(MembersCommand.NoSuchMember);
        (await Run("members", "reinstate", "2")).Output.ShouldContain("Reinstated Grace Hopper.");
        (await Run("members", "list")).Output.ShouldContain("Grace Hopper");
        (await Run("members", "list", "--status", "gone")).ExitCode.ShouldBe(MembersCommand.UnknownFormat);

        await using var reopened = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct);
        var actions = (await new AuditLog(reopened, TimeProvider.System).ListAsync(10, Ct)).Where(e => e.Actor == "cli").Select(e => e.Action).ToList();
        actions.ShouldBe(["member.reinstate", "member.offboard"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
