using Ashbridge.Core.Storage;
using Dapper;
using DocumentFormat.OpenXml.Packaging;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge export list|define|run</c> in-process, on a SQLite file with two hires in its mirror.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-export-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task An_export_is_defined_listed_and_run_as_csv_jsonl_or_xlsx_with_every_run_audited()
    {
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        await using (var db = await database.ConnectAsync(Ct))
        {
            await db.ExecuteAsync("INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'http://127.0.0.1:9', 'x', 1, 1)");
            const string Common = "connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass";
            await db.ExecuteAsync($"INSERT INTO mirror_departments ({Common}, name) VALUES (1, 'd1', '{{}}', 0, 1, 1, 1, 'Engineering')");
            await db.ExecuteAsync($"INSERT INTO mirror_jobs ({Common}, title, department_id) VALUES (1, 'j1', '{{}}', 0, 1, 1, 1, 'Engineer', 'd1')");
            foreach (var (id, name, salary) in new[] { ("a1", "Ada Lovelace", 120000), ("a2", "=cmd|' /C calc'!A0", 90000) })
            {
                await db.ExecuteAsync($"INSERT INTO mirror_candidates ({Common}, name) VALUES (1, @c, '{{}}', 0, 1, 1, 1, @name)", new { c = "c" + id, name });
                await db.ExecuteAsync($"INSERT INTO mirror_applications ({Common}, candidate_id, job_id, status) VALUES (1, @id, '{{}}', 0, 1, 1, 1, @c, 'j1', 'Hired')", new { id, c = "c" + id });
                var offer = "{\"id\":\"o" + id + "\",\"applicationId\":\"" + id + "\",\"acceptanceStatus\":\"Accepted\",\"decidedAt\":\"2026-11-02T10:00:00.000Z\","
                    + "\"latestVersion\":{\"id\":\"v\",\"startDate\":\"2027-01-04T00:00:00.000Z\",\"createdAt\":\"2026-11-01T00:00:00.000Z\",\"salary\":{\"currencyCode\":\"GBP\",\"value\":"
                    + salary.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}";
                await db.ExecuteAsync($"INSERT INTO mirror_offers ({Common}, application_id, acceptance_status) VALUES (1, @o, @json, 0, 1, 1, 1, @id, 'Accepted')", new { o = "o" + id, json = offer, id });
            }
        }

        (await Run("export", "list")).Output.ShouldContain("No exports");
        var (defined, said) = await Run("export", "define", "Pigment", "--connection", "acme");
        defined.ShouldBe(0, said);
        (await Run("export", "define", "Pigment", "--connection", "acme")).ExitCode.ShouldBe(ExitCodes.Exists);
        (await Run("export", "define", "Other", "--connection", "nowhere")).ExitCode.ShouldBe(ExitCodes.Usage);
        (await Run("export", "list")).Output.ShouldContain("Pigment");

        var csvFile = Path.Combine(_folder, "hires.csv");
        var (ran, message) = await Run("export", "run", "Pigment", "--format", "csv", "--output", csvFile);
        ran.ShouldBe(0, message);
        message.ShouldContain("Wrote 2 rows");
        var lines = await File.ReadAllLinesAsync(csvFile, Ct);
        lines[0].ShouldBe("application_id,employee_name,department,job_id,job_title,target_start_date,actual_start_date,salary,salary_currency,hired_date");
        lines.ShouldContain("a1,Ada Lovelace,Engineering,j1,Engineer,2027-01-04,2027-01-04,120000,GBP,2026-11-02");
        lines.Single(l => l.StartsWith("a2,", StringComparison.Ordinal)).ShouldContain(",\"'=cmd"); // a formula is escaped for spreadsheets

        var (toConsole, jsonl) = await Run("export", "run", "Pigment", "--format", "jsonl", "--without-compensation");
        toConsole.ShouldBe(0, jsonl);
        jsonl.ShouldContain("\"employee_name\":\"Ada Lovelace\"");
        jsonl.ShouldNotContain("salary");

        var xlsxFile = Path.Combine(_folder, "hires.xlsx");
        (await Run("export", "run", "Pigment", "--format", "xlsx", "--output", xlsxFile)).ExitCode.ShouldBe(0);
        using (var workbook = SpreadsheetDocument.Open(xlsxFile, false))
        {
            workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText.ShouldContain("Ada Lovelace");
        }

        (await Run("export", "run", "Pigment", "--format", "xlsx")).ExitCode.ShouldBe(ExitCodes.Usage);
        (await Run("export", "run", "Pigment", "--format", "pdf")).Output.ShouldContain("use csv, xlsx or jsonl");
        (await Run("export", "run", "Nothing")).ExitCode.ShouldBe(ExitCodes.NotFound);

        await using var reopened = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct);
        await using var check = await reopened.ConnectAsync(Ct);
        (await check.QueryAsync<string>("SELECT detail FROM audit_log WHERE action = 'export.pull' AND actor = 'cli' ORDER BY id")).ShouldBe(
            ["2 rows, csv, with compensation", "2 rows, jsonl, without compensation", "2 rows, xlsx, with compensation"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
