using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>A stream's stored checkpoint, read one stream at a time by its pass and all at once by the run's feeds.</summary>
public sealed class StreamCheckpointTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task All_of_a_connections_checkpoints_read_at_once_are_the_ones_each_stream_reads_and_only_its_own(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider, ct);
        await using var connection = await test.Database.ConnectAsync(ct);
        var acme = await AddConnectionAsync(connection, "acme");
        var other = await AddConnectionAsync(connection, "other");

        // candidates: mid full pass, at a cursor. users: between passes, with a token and a finished full pass. jobs: never run.
        var candidates = await StreamCheckpoint.LoadAsync(connection, acme, "candidates", ct);
        await candidates.BeginAsync(connection, acme, "candidates", full: true, ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await candidates.AdvanceAsync(connection, transaction, acme, "candidates", "cursor-7", ct);
            await transaction.CommitAsync(ct);
        }

        var users = await StreamCheckpoint.LoadAsync(connection, acme, "users", ct);
        await users.BeginAsync(connection, acme, "users", full: true, ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await users.CompleteAsync(connection, transaction, acme, "users", "token-3", 1_700_000_000_000, ct);
            await transaction.CommitAsync(ct);
        }

        var theirs = await StreamCheckpoint.LoadAsync(connection, other, "applications", ct);
        await theirs.BeginAsync(connection, other, "applications", full: true, ct);

        var all = await StreamCheckpoint.LoadAllAsync(connection, acme, ct);

        all.Keys.Order(StringComparer.Ordinal).ShouldBe(["candidates", "users"]);
        foreach (var stream in all.Keys)
        {
            var one = await StreamCheckpoint.LoadAsync(connection, acme, stream, ct);
            all[stream].ShouldBeEquivalentTo(one);
        }

        all["candidates"].ShouldSatisfyAllConditions(
            c => c.Mode.ShouldBe(StreamPassMode.Full),
            c => c.PassCursor.ShouldBe("cursor-7"),
            c => c.PassNumber.ShouldBe(1),
            c => c.SyncToken.ShouldBeNull(),
            c => c.LastFull.ShouldBeNull());
        all["users"].ShouldSatisfyAllConditions(
            c => c.Mode.ShouldBeNull(),
            c => c.PassCursor.ShouldBeNull(),
            c => c.SyncToken.ShouldBe("token-3"),
            c => c.FullPassesCompleted.ShouldBe(1),
            c => c.LastFull.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)));
        (await StreamCheckpoint.LoadAllAsync(connection, other, ct)).Keys.ShouldBe(["applications"]);
    }

    private static Task<long> AddConnectionAsync(System.Data.Common.DbConnection connection, string name) =>
        connection.ExecuteScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES (@name, 'https://api.ashbyhq.com', 'x', 1, 1) RETURNING id",
            new { name });
}
