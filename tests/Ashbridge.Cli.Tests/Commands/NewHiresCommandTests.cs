using Ashbridge.Core.Access;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge new-hires list|add-complete|restore</c> in-process, on a SQLite file per test with a connection and three new hires.</summary>
public sealed class NewHiresCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-new-hires-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    private static string Imported(string first, string? last) => new ImportedHire(new Dictionary<string, string?>
    {
        ["first_name"] = first, ["last_name"] = last, ["personal_email"] = $"{first.ToLowerInvariant()}@example.com", ["personal_phone"] = "+44 20 7946 0000",
        ["start_date"] = "2031-01-05", ["job_title"] = "Engineer", ["department"] = "Engineering", ["place_of_work"] = "London",
        ["salary_amount"] = "100000.00", ["salary_currency"] = "GBP", ["salary_period"] = "annual",
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!), []).ToJson();

    [Fact]
    public async Task New_hires_are_listed_with_what_they_miss_the_complete_ones_added_and_a_deleted_one_restored()
    {
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        await using (var connection = await database.ConnectAsync(Ct))
        {
            await connection.ExecuteAsync("INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'http://127.0.0.1:9', 'x', 1, 1)");
            var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM connections WHERE name = 'acme'");
            await connection.ExecuteAsync(
                """
                INSERT INTO new_hires (connection_id, application_id, state, imported_json, overrides_json, created_ms, updated_ms, decided_ms, decided_by)
                VALUES (@id, 'app-ada', 'pending', @ada, '{}', 1764000000000, 1764000000000, NULL, NULL),
                       (@id, 'app-bo', 'pending', @bo, '{}', 1764000001000, 1764000001000, NULL, NULL),
                       (@id, 'app-cy', 'deleted', @cy, '{}', 1764000002000, 1764000002000, 1764000003000, 'admin@example.com')
                """, new { id, ada = Imported("Ada", "Lovelace"), bo = Imported("Bo", null), cy = Imported("Cy", "Young") });
        }

        var (listed, list) = await Run("new-hires", "list");
        listed.ShouldBe(0, list);
        list.ShouldContain("Ada Lovelace");
        list.ShouldContain("Last name"); // what Bo misses, by label
        list.ShouldNotContain("Cy Young");
        (await Run("new-hires", "list", "--state", "deleted")).Output.ShouldContain("Cy Young");
        (await Run("new-hires", "list", "--state", "gone")).ExitCode.ShouldBe(2);
        (await Run("new-hires", "list", "--connection", "nope")).ExitCode.ShouldBe(7);

        var (added, summary) = await Run("new-hires", "add-complete", "--connection", "acme");
        added.ShouldBe(0, summary);
        summary.ShouldContain("Added 1 member; 1 needs fields: Bo.");

        var (restored, message) = await Run("new-hires", "restore", "app-cy");
        restored.ShouldBe(0, message);
        message.ShouldContain("Restored Cy Young");
        (await Run("new-hires", "restore", "app-cy")).ExitCode.ShouldBe(7);
        (await Run("new-hires", "list")).Output.ShouldContain("Cy Young");

        await using var reopened = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct);
        var audit = await new AuditLog(reopened, TimeProvider.System).ListAsync(20, Ct);
        audit.ShouldContain(e => e.Action == "new-hire.restore" && e.Actor == "cli");
        audit.ShouldContain(e => e.Action == "member.add" && e.Actor == "cli");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
