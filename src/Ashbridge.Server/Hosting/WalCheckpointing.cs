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
        if (database.Provider != DatabaseProvider.Sqlite) return;
        using var timer = new PeriodicTimer(Interval, time);
        DbConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    connection ??= await database.ConnectAsync(stoppingToken);
                    await database.CheckpointAsync(connection, stoppingToken);
                }
                catch (DbException ex)
                {
                    // A busy or broken file: try again next second on a fresh connection; other connections still checkpoint past 1,000 pages.
                    Failed(logger, ex);
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "WAL checkpoint failed; retrying in a second")]
    private static partial void Failed(ILogger logger, Exception exception);
}
