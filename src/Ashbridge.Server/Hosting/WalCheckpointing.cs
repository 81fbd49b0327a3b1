using System.Data.Common;
using Ashbridge.Core.Storage;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// Checkpoints SQLite's WAL every second, off the request path: the webhook intake's connection never does (see
/// <see cref="AshbridgeDatabase.ConnectWithoutCheckpointsAsync"/>), so a flood of deliveries would otherwise grow the
/// WAL without end. Passive: it never waits for, or holds up, a reader or a writer. Nothing to do on PostgreSQL.
/// </summary>
public sealed partial class WalCheckpointing(AshbridgeDatabase database, TimeProvider time, ILogger<WalCheckpointing> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var checkpointer = new WalCheckpointer(database);
        if (!checkpointer.IsNeeded) return;
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await checkpointer.CheckpointAsync(stoppingToken);
                }
                catch (DbException ex)
                {
                    // A busy or broken file: the next second tries on a fresh connection; other connections still checkpoint past 1,000 pages.
                    Failed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "WAL checkpoint failed; retrying in a second")]
    private static partial void Failed(ILogger logger, Exception exception);
}
