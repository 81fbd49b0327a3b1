using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Storage.Migrations;
using Ashbridge.Testing;
using Dapper;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Core.Tests.Storage;

public sealed class AshbridgeDatabaseTests
{
    private static readonly string[] CommonColumns =
        ["connection_id", "id", "raw_json", "raw_hash", "ashby_updated_ms", "first_seen_ms", "last_seen_ms", "seen_pass", "deleted_ms", "merged_into_id"];

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_stream_has_its_table_with_the_common_and_typed_columns(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, TestContext.Current.CancellationToken);
        await using var connection = await test.Database.ConnectAsync(TestContext.Current.CancellationToken);

        foreach (var stream in MirrorStreams.All)
        {
            var columns = string.Join(", ", CommonColumns.Concat(stream.Columns.Select(c => c.Name)));
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {columns} FROM {stream.Table} WHERE 1 = 0";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            reader.FieldCount.ShouldBe(CommonColumns.Length + stream.Columns.Count, stream.Name);
        }
    }

    [Fact]
    public async Task A_lent_SQLite_connection_is_kept_open_for_the_next_borrower_unless_it_holds_a_transaction()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var database = await AshbridgeDatabase.OpenAsync(test.Location, ct);
        System.Data.Common.DbConnection first;
        await using (var lent = await database.LendAsync(ct))
        {
            first = lent.Connection;
            (await first.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM connections", cancellationToken: ct))).ShouldBe(0);
        }

        // Two at once get two connections; the one handed back earlier is lent again, still open.
        await using (var a = await database.LendAsync(ct))
        await using (var b = await database.LendAsync(ct))
        {
            a.Connection.ShouldNotBeSameAs(b.Connection);
            new[] { a.Connection, b.Connection }.ShouldContain(first);
            first.State.ShouldBe(System.Data.ConnectionState.Open);
        }

        // A borrower that leaves a transaction open does not pass it on: that connection is closed, not lent again.
        System.Data.Common.DbConnection abandoned;
        await using (var lent = await database.LendAsync(ct))
        {
            abandoned = lent.Connection;
            await lent.Connection.BeginTransactionAsync(ct);
        }

        abandoned.State.ShouldBe(System.Data.ConnectionState.Closed);
        var kept = new List<System.Data.Common.DbConnection>();
        await using (var a = await database.LendAsync(ct))
        await using (var b = await database.LendAsync(ct))
        {
            kept.AddRange([a.Connection, b.Connection]);
            kept.ShouldNotContain(abandoned);
            (await a.Connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM connections", cancellationToken: ct))).ShouldBe(0);
        }

        // Disposing the database closes the connections it keeps.
        kept.ShouldAllBe(c => c.State == System.Data.ConnectionState.Open);
        await database.DisposeAsync();
        kept.ShouldAllBe(c => c.State == System.Data.ConnectionState.Closed);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Opening_an_up_to_date_database_again_applies_nothing_and_keeps_the_data(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, TestContext.Current.CancellationToken);
        await using (var connection = await test.Database.ConnectAsync(TestContext.Current.CancellationToken))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'https://api.ashbyhq.com', 'x', 1, 1)";
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var again = await AshbridgeDatabase.OpenAsync(test.Location, TestContext.Current.CancellationToken);
        await using var check = await again.ConnectAsync(TestContext.Current.CancellationToken);
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM connections";
        Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Opening_a_database_that_lacks_a_migration_applies_it(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider, ct);
        await using (var connection = await test.Database.ConnectAsync(ct))
        {
            // As the database was before migration 9: its unique webhook key (SQLite only) and no record of 9.
            if (provider == DatabaseProvider.Sqlite) await connection.ExecuteAsync("CREATE UNIQUE INDEX ux_webhook_events_key ON webhook_events (connection_id, action, webhook_action_id)");
            await connection.ExecuteAsync("DELETE FROM \"VersionInfo\" WHERE \"Version\" = 9");
        }

        await using var reopened = await AshbridgeDatabase.OpenAsync(test.Location, ct);

        await using var check = await reopened.ConnectAsync(ct);
        (await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM \"VersionInfo\" WHERE \"Version\" = 9")).ShouldBe(1);
        if (provider == DatabaseProvider.Sqlite)
        {
            (await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ux_webhook_events_key'")).ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_sqlite_database_runs_in_wal_mode()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, TestContext.Current.CancellationToken);
        await using var connection = await test.Database.ConnectAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("wal");
    }

    [Fact]
    public async Task The_intakes_sqlite_connection_never_checkpoints_in_a_commit_and_a_passive_checkpoint_copies_the_whole_wal()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var writer = await test.Database.ConnectWithoutCheckpointsAsync(ct);
        await using (var create = writer.CreateCommand())
        {
            create.CommandText = "CREATE TABLE filler (x BLOB)";
            await create.ExecuteNonQueryAsync(ct);
        }

        // 1,500 commits of a page or more each: past the 1,000 pages at which a default connection would checkpoint.
        for (var i = 0; i < 1500; i++)
        {
            await using var insert = writer.CreateCommand();
            insert.CommandText = "INSERT INTO filler (x) VALUES (zeroblob(6000))";
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using var checkpointer = await test.Database.ConnectAsync(ct);
        var (frames, copied) = await test.Database.CheckpointAsync(checkpointer, ct);
        frames.ShouldBeGreaterThan(1500); // nothing was checkpointed on the way
        copied.ShouldBe(frames);
    }

    [Fact]
    public async Task A_sync_runs_sqlite_connection_leaves_checkpoints_to_the_run_and_keeps_temporary_files_in_memory_while_other_connections_keep_the_defaults()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var bulk = await test.Database.ConnectForBulkWritesAsync(ct);
        await using var plain = await test.Database.ConnectAsync(ct);
        (await ScalarAsync(bulk, "PRAGMA wal_autocheckpoint")).ShouldBe(0L);
        (await ScalarAsync(bulk, "PRAGMA journal_size_limit")).ShouldBe(64L * 1024 * 1024);
        (await ScalarAsync(bulk, "PRAGMA temp_store")).ShouldBe(2L); // MEMORY
        (await ScalarAsync(plain, "PRAGMA wal_autocheckpoint")).ShouldBe(1_000L);
        (await ScalarAsync(plain, "PRAGMA temp_store")).ShouldBe(0L);

        static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_reported_with_its_address_and_no_password()
    {
        var location = DatabaseLocation.Parse("Host=127.0.0.1;Port=1;Username=u;Password=secret-password;Database=d;Timeout=2");

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => AshbridgeDatabase.OpenAsync(location, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("127.0.0.1:1/d");
        error.Message.ShouldNotContain("secret-password");
    }

    [Fact]
    public async Task Closing_a_sync_runs_connection_last_leaves_its_writes_in_the_wal_for_the_next_connection_to_checkpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var wal = test.Location.SqliteFile + "-wal";
        await using (var run = await test.Database.ConnectForBulkWritesAsync(ct))
        {
            await run.ExecuteAsync("CREATE TABLE filler (x BLOB)");
            for (var i = 0; i < 50; i++) await run.ExecuteAsync("INSERT INTO filler (x) VALUES (zeroblob(6000))");
        }

        // A default connection closing last would have copied the WAL into the database and removed it.
        new FileInfo(wal).Length.ShouldBeGreaterThan(50 * 6000);
        await using (var reader = await test.Database.ConnectAsync(ct))
        {
            (await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM filler")).ShouldBe(50);
        }

        File.Exists(wal).ShouldBeFalse(); // this one checkpointed on close: nothing is left behind for good
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migration_10_turns_each_mirror_tables_primary_key_into_a_unique_index_keeping_rows_and_indexes_and_turns_it_back(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider, ct);
        await using var connection = await test.Database.ConnectAsync(ct);
        var migrated = await MirrorSchema.IndexesAsync(connection, provider, "mirror_applications");
        migrated.ShouldContain(i => i.StartsWith("ux_mirror_applications_key: CREATE UNIQUE INDEX", StringComparison.Ordinal));
        (await PrimaryKeysAsync(connection, provider)).ShouldBe(0);

        Migrate(test, provider, r => r.MigrateDown(9));
        (await PrimaryKeysAsync(connection, provider)).ShouldBe(CreateMirrorTables.Tables.Count);
        (await MirrorSchema.IndexesAsync(connection, provider, "mirror_applications")).ShouldNotContain(i => i.StartsWith("ux_", StringComparison.Ordinal));
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'https://api.ashbyhq.com', 'x', 1, 1) RETURNING id");
        const string Insert = "INSERT INTO mirror_applications (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass, job_id) VALUES (@id, @key, @json, 7, 1, 1, 1, 'j1')";
        await connection.ExecuteAsync(Insert, new { id, key = "a1", json = "{\"id\":\"a1\"}" });
        await connection.ExecuteAsync(Insert, new { id, key = "a2", json = "{\"id\":\"a2\"}" });

        Migrate(test, provider, r => r.MigrateUp());
        (await PrimaryKeysAsync(connection, provider)).ShouldBe(0);
        (await MirrorSchema.IndexesAsync(connection, provider, "mirror_applications")).ShouldBe(migrated); // the same names and definitions as a new database's
        (await connection.QueryAsync<(string Id, string Json, string JobId)>("SELECT id, raw_json, job_id FROM mirror_applications ORDER BY id"))
            .ShouldBe([("a1", "{\"id\":\"a1\"}", "j1"), ("a2", "{\"id\":\"a2\"}", "j1")]);
        await Should.ThrowAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(Insert, new { id, key = "a1", json = "{}" })); // still unique
        await connection.ExecuteAsync("DELETE FROM connections WHERE id = @id", new { id });
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM mirror_applications")).ShouldBe(0); // the foreign key still cascades
    }

    private static void Migrate(TestDatabase test, DatabaseProvider provider, Action<IMigrationRunner> migrate)
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (provider == DatabaseProvider.Sqlite) runner.AddSQLite();
                else runner.AddPostgres();
                runner.WithGlobalConnectionString(test.Location.ConnectionString).ScanIn(typeof(CreateMirrorTables).Assembly).For.Migrations();
            })
            .BuildServiceProvider();
        migrate(services.GetRequiredService<IMigrationRunner>());
    }

    /// <summary>How many mirror tables have a primary key (the deferred-index list, which is no mirror, keeps its own).</summary>
    private static Task<long> PrimaryKeysAsync(System.Data.Common.DbConnection connection, DatabaseProvider provider) =>
        connection.ExecuteScalarAsync<long>(provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'sqlite_autoindex_mirror_%' AND tbl_name <> 'mirror_deferred_indexes'"
            : "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'p' AND conname LIKE 'PK_mirror_%' AND conname <> 'PK_mirror_deferred_indexes'");
}
