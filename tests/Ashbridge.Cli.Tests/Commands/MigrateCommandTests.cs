using System.Reflection;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Storage.Migrations;
using FluentMigrator;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge migrate</c>: the schema brought up to date as a step of its own, saying what it applied.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-migrate-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_database_gets_every_migration_listed_and_a_second_run_says_it_is_up_to_date()
    {
        var database = Path.Combine(_folder, "hub.db");
        var migrations = typeof(CreateConnections).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()).OfType<MigrationAttribute>().OrderBy(m => m.Version).ToList();

        var (exitCode, output) = await CliRun.RunAsync("migrate", "--database", database);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain($"Applied {migrations.Count} migrations to SQLite {database}");
        foreach (var m in migrations) output.ShouldContain($"{m.Version,4}  {m.Description}");
        await using (var migrated = AshbridgeDatabase.For(DatabaseLocation.SqliteFileAt(database)))
        {
            (await migrated.MigrateAsync(Ct)).ShouldBeEmpty("migrate applied everything");
        }

        (exitCode, output) = await CliRun.RunAsync("migrate", "--database", database);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain($"The database is up to date (SQLite {database})");
        output.ShouldNotContain("Applied");
    }

    [Fact]
    public async Task A_database_file_in_a_folder_that_does_not_exist_is_refused_and_nothing_is_created()
    {
        var missing = Path.Combine(_folder, "no-such-dir");

        var (exitCode, output) = await CliRun.RunAsync("migrate", "--database", Path.Combine(missing, "hub.db"));

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable, output);
        output.ShouldContain("does not exist");
        Directory.EnumerateFileSystemEntries(_folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Serving_a_database_file_in_a_folder_that_does_not_exist_stops_before_anything_starts_and_creates_nothing()
    {
        var missing = Path.Combine(_folder, "no-such-dir");
        var database = Path.Combine(missing, "hub.db");

        // The migrator runs first: the demo emulator, the key ring and the web server never start.
        var (exitCode, output) = await CliRun.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--database", database);

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable, output);
        output.ShouldContain($"The folder of the database file {database} does not exist");
        Directory.EnumerateFileSystemEntries(_folder).ShouldBeEmpty("no folder, database or key ring may be created");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
