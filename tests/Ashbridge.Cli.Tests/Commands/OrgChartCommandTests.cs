using System.Text.Json;
using Ashbridge.Cli.Commands;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge org-chart import|export</c> in-process, on a SQLite file per test.</summary>
public sealed class OrgChartCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-org-chart-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task People_are_checked_by_a_dry_run_imported_all_or_nothing_and_exported_as_json_or_csv()
    {
        await using (await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        {
            // Opening migrates: the file now has the schema.
        }

        var good = Path.Combine(_folder, "people.csv");
        await File.WriteAllTextAsync(good, "name,email,title,department,manager_email\nMira Ceo,mira@x.com,CEO,Leadership,\n[Dan] Dev,dan@x.com,Engineer,Engineering,mira@x.com\n", Ct);
        var bad = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "name,email,manager_email\nOk,ok@x.com,\nOrphan,orphan@x.com,ghost@x.com\n", Ct);

        var (dryCode, dry) = await Run("org-chart", "import", good, "--dry-run");
        dryCode.ShouldBe(0, dry);
        dry.ShouldContain("Would create 2");
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), Ct))
        await using (var db = await database.ConnectAsync(Ct))
        {
            (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM org_people")).ShouldBe(0);
        }

        var (badCode, refused) = await Run("org-chart", "import", bad);
        badCode.ShouldBe(OrgChartCommand.BadRows);
        refused.ShouldContain("ghost@x.com is neither in the file nor in the chart");
        refused.ShouldContain("nothing was imported");

        var (code, imported) = await Run("org-chart", "import", good);
        code.ShouldBe(0, imported);
        imported.ShouldContain("Created 2");

        var (exported, json) = await Run("org-chart", "export");
        exported.ShouldBe(0, json);
        var nodes = JsonDocument.Parse(json).RootElement.GetProperty("nodes").EnumerateArray().ToList();
        var mira = nodes.Single(n => n.GetProperty("email").GetString() == "mira@x.com").GetProperty("id").GetString();
        nodes.Single(n => n.GetProperty("email").GetString() == "dan@x.com").GetProperty("parentId").GetString().ShouldBe(mira);

        var file = Path.Combine(_folder, "chart.csv");
        var (written, message) = await Run("org-chart", "export", "--format", "csv", "--output", file);
        written.ShouldBe(0, message);
        message.ShouldContain("Exported 2 people");
        (await File.ReadAllLinesAsync(file, Ct)).ShouldContain(l => l.Contains("[Dan] Dev,Engineer,Engineering,dan@x.com", StringComparison.Ordinal) && l.Contains("mira@x.com", StringComparison.Ordinal));
        (await Run("org-chart", "export", "--format", "xml")).ExitCode.ShouldBe(2);
        (await Run("org-chart", "import", Path.Combine(_folder, "missing.csv"))).ExitCode.ShouldBe(7);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
