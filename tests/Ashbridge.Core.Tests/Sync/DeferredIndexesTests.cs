using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>An empty table's indexes, its key among them, set aside for a first full pass and built after its rows.</summary>
public sealed class DeferredIndexesTests
{
    [Fact]
    public async Task The_runs_connection_rebuilds_them_inside_its_transaction_and_keeps_its_temporary_files_in_memory_afterwards()
    {
        var ct = TestContext.Current.CancellationToken;
        var stream = MirrorStreams.Candidates;
        await using var deferred = await DeferAsync(stream, ct);
        var (run, indexes) = (deferred.Run, deferred.Indexes);
        indexes.ShouldNotBeEmpty();
        (await IndexesAsync(run, stream)).ShouldBeEmpty();

        await using (var transaction = await run.BeginTransactionAsync(ct))
        {
            (await DeferredIndexes.RebuildAsync(run, transaction, stream, ct)).ShouldBe(new DeferredIndexes.Rebuilt(indexes.Count, 0));
            (await run.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA temp_store", transaction: transaction, cancellationToken: ct))).ShouldBe(2L); // MEMORY, as before
            await transaction.CommitAsync(ct);
        }

        (await IndexesAsync(run, stream)).ShouldBe(indexes);
    }

    [Fact]
    public async Task A_connection_whose_temporary_storage_cannot_change_in_a_transaction_still_rebuilds_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var stream = MirrorStreams.Applications;
        await using var deferred = await DeferAsync(stream, ct);
        var (run, indexes) = (deferred.Run, deferred.Indexes);
        await run.ExecuteAsync(new CommandDefinition("CREATE TEMP TABLE scratch (x)", cancellationToken: ct)); // a temporary database now exists

        await using (var transaction = await run.BeginTransactionAsync(ct))
        {
            // SQLite would refuse "PRAGMA temp_store" here; the build goes ahead in memory instead.
            await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
                run.ExecuteAsync(new CommandDefinition("PRAGMA temp_store = 1", transaction: transaction, cancellationToken: ct)));
            (await DeferredIndexes.RebuildAsync(run, transaction, stream, ct)).ShouldBe(new DeferredIndexes.Rebuilt(indexes.Count, 0));
            await transaction.CommitAsync(ct);
        }

        (await IndexesAsync(run, stream)).ShouldBe(indexes);
        (await run.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA temp_store", cancellationToken: ct))).ShouldBe(2L);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Building_the_key_keeps_the_last_copy_of_a_row_a_later_page_repeated_and_upserts_go_through_it_again(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stream = MirrorStreams.Candidates;
        await using var test = await TestDatabase.CreateAsync(provider, ct);
        await using var run = await test.Database.ConnectForBulkWritesAsync(ct);
        var connectionId = await run.ExecuteScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'https://api.ashbyhq.com', 'x', 1, 1) RETURNING id");
        (await DeferredIndexes.DeferIfEmptyAsync(run, stream, ct)).ShouldBeTrue();

        // Two transactions of a first pass, plain inserts: the second repeats c1 as Ashby sent it later.
        await WriteAsync(run, connectionId, stream, insertOnly: true, Row(stream, "c1", "old"), Row(stream, "c2", "x"));
        await WriteAsync(run, connectionId, stream, insertOnly: true, Row(stream, "c1", "new"), Row(stream, "c3", "y"));
        await using (var transaction = await run.BeginTransactionAsync(ct))
        {
            (await DeferredIndexes.KeyPendingAsync(run, transaction, stream, ct)).ShouldBeTrue();
            var rebuilt = await DeferredIndexes.RebuildAsync(run, transaction, stream, ct);
            rebuilt.Duplicates.ShouldBe(1);
            (await DeferredIndexes.KeyPendingAsync(run, transaction, stream, ct)).ShouldBeFalse();
            await transaction.CommitAsync(ct);
        }

        (await JsonByIdAsync(run, stream)).ShouldBe(["c1 new", "c2 x", "c3 y"]);
        await WriteAsync(run, connectionId, stream, insertOnly: false, Row(stream, "c1", "newest"));
        (await JsonByIdAsync(run, stream)).ShouldBe(["c1 newest", "c2 x", "c3 y"]);
    }

    private static async Task WriteAsync(System.Data.Common.DbConnection run, long connectionId, StreamDefinition stream, bool insertOnly, params MirrorRow[] rows)
    {
        await using var transaction = await run.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await MirrorWriter.WriteAsync(run, transaction, connectionId, stream, rows, seenPass: 1, nowMs: 1, moves: null, intoEmptyTable: insertOnly, TestContext.Current.CancellationToken);
        await transaction.CommitAsync(TestContext.Current.CancellationToken);
    }

    private static MirrorRow Row(StreamDefinition stream, string id, string version) =>
        new(id, System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"version\":\"{version}\"}}"), version.GetHashCode(StringComparison.Ordinal), null, new object?[stream.Columns.Count]);

    /// <summary>Each row as "id version", by id.</summary>
    private static async Task<List<string>> JsonByIdAsync(System.Data.Common.DbConnection connection, StreamDefinition stream) =>
        [.. (await connection.QueryAsync<(string Id, string Json)>($"SELECT id, raw_json FROM {stream.Table} ORDER BY id"))
            .Select(r => $"{r.Id} {System.Text.Json.JsonDocument.Parse(r.Json).RootElement.GetProperty("version").GetString()}")];

    /// <summary>A fresh SQLite database, a sync run's connection to it, and the stream's indexes, captured and then set aside.</summary>
    private static async Task<Deferred> DeferAsync(StreamDefinition stream, CancellationToken ct)
    {
        var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var run = await test.Database.ConnectForBulkWritesAsync(ct);
        var indexes = await IndexesAsync(run, stream);
        (await DeferredIndexes.DeferIfEmptyAsync(run, stream, ct)).ShouldBeTrue();
        return new Deferred(test, run, indexes);
    }

    private sealed record Deferred(TestDatabase Test, System.Data.Common.DbConnection Run, List<string> Indexes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Run.DisposeAsync();
            await Test.DisposeAsync();
        }
    }

    private static async Task<List<string>> IndexesAsync(System.Data.Common.DbConnection connection, StreamDefinition stream) =>
        (await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name",
            new { table = stream.Table })).ToList();
}
