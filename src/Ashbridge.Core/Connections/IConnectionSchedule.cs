using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Connections;

/// <summary>
/// What puts connections' passes on a schedule: the hub's Quartz schedule (<c>SyncSchedule</c>). A process without a
/// scheduler (the CLI) has <see cref="NoConnectionSchedule"/>: a running hub schedules every connection as it starts.
/// </summary>
public interface IConnectionSchedule
{
    /// <summary>Schedules (or reschedules) the connection's passes; the first starts at once.</summary>
    Task ScheduleAsync(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>Queues a pass now, behind any running one.</summary>
    Task SyncNowAsync(long connectionId, SyncMode mode = SyncMode.Incremental, CancellationToken cancellationToken = default);

    /// <summary>Takes a connection off the schedule.</summary>
    Task UnscheduleAsync(long connectionId, CancellationToken cancellationToken = default);
}
