using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Connections;

/// <summary>
/// The schedule of a process that runs no passes in the background (the CLI): scheduling and unscheduling do nothing,
/// since a running hub schedules every connection as it starts; "sync now" is refused, as nothing would run it.
/// </summary>
public sealed class NoConnectionSchedule : IConnectionSchedule
{
    public Task ScheduleAsync(Connection connection, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SyncNowAsync(long connectionId, SyncMode mode = SyncMode.Incremental, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("No scheduler runs in this process, so nothing would run the pass; run it directly (ashbridge sync).");

    public Task UnscheduleAsync(long connectionId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
