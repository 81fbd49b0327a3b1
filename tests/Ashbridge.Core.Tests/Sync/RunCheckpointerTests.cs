using System.Data.Common;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>A sync run's WAL is checkpointed beside its writer, whose own commits never checkpoint.</summary>
public sealed class RunCheckpointerTests
{
    private const int Commits = 1500;
    private const long FrameBytes = 8192 + 24; // a WAL frame: its page and header

    [Fact]
    public async Task Without_the_run_checkpointing_the_writers_wal_grows_with_every_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var writer = await test.Database.ConnectForBulkWritesAsync(ct);

        await WriteAsync(writer, null, ct);

        WalFrames(test).ShouldBeGreaterThan(Commits);
    }

    [Fact]
    public async Task The_writer_lets_a_checkpoint_catch_up_so_the_wal_starts_over_and_stays_bounded_with_every_row_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var writer = await test.Database.ConnectForBulkWritesAsync(ct);

        // Checkpoints beside the writer never wake here: what bounds the WAL is the writer's catch-up every 300 pages.
        await using (var checkpoints = new RunCheckpointer(test.Database, NullLogger.Instance, everyFrames: long.MaxValue, catchUpFrames: 300))
        {
            await WriteAsync(writer, checkpoints, ct);
        }

        WalFrames(test).ShouldBeLessThan(400);
        await using var reader = await test.Database.ConnectAsync(ct);
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM filler";
        (await count.ExecuteScalarAsync(ct)).ShouldBe((long)Commits);
    }

    // Each 6,000-byte row takes a page of its own, and a commit writes at most three (the row's, its parent, the
    // header): 150 commits write more than 100 pages, 20 fewer.
    [Theory]
    [InlineData(150, false)] // more than the WAL keeps, as after a first full pass: the next process need not recover it
    [InlineData(20, true)] // an incremental pass's few pages stay for the hub or the next connection to copy
    public async Task A_run_that_wrote_more_than_the_wal_keeps_removes_it_when_its_writer_closes_last(int commits, bool walLeft)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using (var writer = await test.Database.ConnectForBulkWritesAsync(ct))
        {
            await using var checkpoints = new RunCheckpointer(test.Database, NullLogger.Instance, everyFrames: long.MaxValue, catchUpFrames: long.MaxValue, keptFrames: 100);
            await WriteAsync(writer, checkpoints, ct, commits);
            checkpoints.EndRun(writer);
        }

        File.Exists(test.Location.SqliteFile + "-wal").ShouldBe(walLeft);
        await using var reader = await test.Database.ConnectAsync(ct);
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM filler";
        (await count.ExecuteScalarAsync(ct)).ShouldBe((long)commits);
    }

    [Fact]
    public async Task On_postgres_it_has_nothing_to_do()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        await using var writer = await test.Database.ConnectForBulkWritesAsync(ct);
        await using var checkpoints = new RunCheckpointer(test.Database, NullLogger.Instance, everyFrames: 1, catchUpFrames: 1);

        await WriteAsync(writer, checkpoints, ct, commits: 10);

        await using var count = writer.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM filler";
        (await count.ExecuteScalarAsync(ct)).ShouldBe(10L);
    }

    /// <summary>Commits of a page or more each, telling the checkpointer of each.</summary>
    private static async Task WriteAsync(DbConnection writer, RunCheckpointer? checkpoints, CancellationToken ct, int commits = Commits)
    {
        await using (var create = writer.CreateCommand())
        {
            create.CommandText = "CREATE TABLE filler (x BYTEA)";
            await create.ExecuteNonQueryAsync(ct);
        }

        for (var i = 0; i < commits; i++)
        {
            await using (var insert = writer.CreateCommand())
            {
                insert.CommandText = writer is Microsoft.Data.Sqlite.SqliteConnection ? "INSERT INTO filler (x) VALUES (zeroblob(6000))" : "INSERT INTO filler (x) VALUES (decode(repeat('00', 6000), 'hex'))";
                await insert.ExecuteNonQueryAsync(ct);
            }

            if (checkpoints is not null) await checkpoints.CommittedAsync(writer, ct);
        }
    }

    private static long WalFrames(TestDatabase test) => new FileInfo(test.Location.SqliteFile + "-wal").Length / FrameBytes;
}
