using System.Text.Json;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge dedupe check</c> in-process, on a SQLite file with a connection and two mirrored candidates (the index built by the first check).</summary>
public sealed class DedupeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-dedupe-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task A_prospect_is_checked_with_the_reasons_as_a_table_or_json_and_bad_input_is_refused()
    {
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        await using (var connection = await database.ConnectAsync(Ct))
        {
            await connection.ExecuteAsync("INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'http://127.0.0.1:9', 'x', 1, 1)");
            var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM connections WHERE name = 'acme'");
            const string Ada = """{"id":"c-ada","name":"Ada Lovelace","emailAddresses":[{"value":"ada.lovelace@gmail.com","type":"Personal","isPrimary":true}],"phoneNumbers":[{"value":"+44 20 7946 0018","type":"Personal","isPrimary":true}],"socialLinks":[{"type":"GitHub","url":"https://github.com/ada"}]}""";
            const string Other = """{"id":"c-bob","name":"Bob Byron","emailAddresses":[],"phoneNumbers":[],"socialLinks":[]}""";
            await connection.ExecuteAsync(
                """
                INSERT INTO mirror_candidates (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass, name)
                VALUES (@id, 'c-ada', @ada, 1, 1, 1, 1, 'Ada Lovelace'), (@id, 'c-bob', @other, 2, 1, 1, 1, 'Bob Byron')
                """, new { id, ada = Ada, other = Other });
        }

        var (checkedCode, table) = await Run("dedupe", "check", "--first-name", "Ada", "--last-name", "Lovelace", "--email", "AdaLovelace+x@googlemail.com", "--phone", "020 7946 0018", "--region", "GB");
        checkedCode.ShouldBe(0, table);
        table.ShouldContain("Ada Lovelace");
        table.ShouldContain("c-ada");
        table.ShouldContain("same email ignoring dots and +tags");
        table.ShouldContain("same phone (+442079460018)");
        table.ShouldNotContain("Bob Byron");

        var (jsonCode, json) = await Run("dedupe", "check", "--connection", "acme", "--url", "github.com/Ada/", "--json");
        jsonCode.ShouldBe(0, json);
        var match = JsonDocument.Parse(json).RootElement.GetProperty("matches").EnumerateArray().ShouldHaveSingleItem();
        match.GetProperty("candidateId").GetString().ShouldBe("c-ada");
        match.GetProperty("score").GetInt32().ShouldBe(85);
        match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["same GitHub (github.com/ada)"]);

        (await Run("dedupe", "check", "--email", "nobody@example.com")).Output.ShouldContain("No duplicate found");
        var (refused, problems) = await Run("dedupe", "check", "--email", "ada@", "--phone", "call me");
        refused.ShouldBe(2);
        problems.ShouldContain("'ada@' is not an email address.");
        problems.ShouldContain("'call me' is not a phone number");
        (await Run("dedupe", "check")).Output.ShouldContain("there is nothing to check");
        (await Run("dedupe", "check", "--connection", "nope", "--email", "a@b.example")).ExitCode.ShouldBe(7);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
