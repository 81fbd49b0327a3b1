using Ashbridge.Core.Storage;
using Ashbridge.Server.Hosting;
using Ashbridge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Server.Tests.Hosting;

/// <summary>The background checkpoint that stands in for the ones the webhook intake's connection no longer does.</summary>
public sealed class WalCheckpointingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_second_it_copies_what_a_checkpoint_free_writer_left_in_the_wal_into_the_database_file()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var file = new FileInfo(Path.Combine(test.Folder, "ashbridge.db"));
        // Kept open to the end: SQLite checkpoints when the last connection to a file closes.
        await using var writer = await test.Database.ConnectWithoutCheckpointsAsync(Ct);
        await using (var fill = writer.CreateCommand())
        {
            fill.CommandText = "CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO filler SELECT zeroblob(6000) FROM n;";
            await fill.ExecuteNonQueryAsync(Ct);
        }

        file.Refresh();
        var before = file.Length; // the rows are in the WAL only
        var clock = new FakeTimeProvider();
        using var checkpointing = new WalCheckpointing(test.Database, clock, NullLogger<WalCheckpointing>.Instance);
        await checkpointing.StartAsync(Ct);
        try
        {
            // A second passes on the service's clock before each look (its timer may start after the first one).
            var after = await Eventually.ValueAsync(
                () =>
                {
                    clock.Advance(TimeSpan.FromSeconds(1));
                    file.Refresh();
                    return Task.FromResult(file.Length);
                },
                length => length > before + (500 * 6000), TimeSpan.FromSeconds(30), "the database file to take the WAL's pages");
            after.ShouldBeGreaterThan(before + (500 * 6000));
        }
        finally
        {
            await checkpointing.StopAsync(Ct);
        }
    }
}
