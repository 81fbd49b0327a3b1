using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>An empty table's secondary indexes, set aside for a first full pass and built after its rows.</summary>
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
            (await DeferredIndexes.RebuildAsync(run, transaction, stream, ct)).ShouldBe(indexes.Count);
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
            (await DeferredIndexes.RebuildAsync(run, transaction, stream, ct)).ShouldBe(indexes.Count);
            await transaction.CommitAsync(ct);
        }

        (await IndexesAsync(run, stream)).ShouldBe(indexes);
        (await run.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA temp_store", cancellationToken: ct))).ShouldBe(2L);
    }

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
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
            new { table = stream.Table })).ToList();
}
