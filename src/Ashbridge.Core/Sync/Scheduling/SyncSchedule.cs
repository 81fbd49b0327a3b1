using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Quartz;

namespace Ashbridge.Core.Sync.Scheduling;

/// <summary>
/// Puts connections on the Quartz schedule: an incremental pass every few minutes (or on the connection's cron), a full
/// repair pass daily, and "sync now" on demand. One job per connection, so its passes never overlap. Beside it, the
/// connection's 6-hourly import of open roles (<see cref="OpenRoleImportJob"/>).
/// </summary>
public sealed class SyncSchedule(ISchedulerFactory schedulers, TimeProvider timeProvider) : IConnectionSchedule
{
    /// <summary>The default incremental interval.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>The daily repair pass: a full pass of every stream at 03:00 (server time).</summary>
    public const string RepairCron = "0 0 3 * * ?";

    /// <summary>The job of a connection.</summary>
    public static JobKey JobFor(long connectionId) => new($"connection-{connectionId}", "sync");

    /// <summary>Schedules (or reschedules, after a change) a connection's incremental and repair passes.</summary>
    public async Task ScheduleAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<ConnectionSyncJob>()
            .WithIdentity(JobFor(connection.Id))
            .WithDescription($"Sync of connection '{connection.Name}'")
            .UsingJobData(ConnectionSyncJob.ConnectionIdKey, connection.Id)
            .StoreDurably()
            .Build();

        var incremental = TriggerBuilder.Create()
            .WithIdentity($"connection-{connection.Id}-incremental", "sync")
            .UsingJobData(ConnectionSyncJob.ModeKey, "incremental")
            .UsingJobData(ConnectionSyncJob.TriggerKey, "schedule")
            .ForJob(job)
            .StartNow();
        incremental = connection.SyncCron is { } cron
            ? incremental.WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            : incremental.WithSimpleSchedule(s => s
                .WithInterval(connection.SyncIntervalMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : DefaultInterval)
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));

        var repair = TriggerBuilder.Create()
            .WithIdentity($"connection-{connection.Id}-repair", "sync")
            .UsingJobData(ConnectionSyncJob.ModeKey, "full")
            .UsingJobData(ConnectionSyncJob.TriggerKey, "repair")
            .ForJob(job)
            .WithCronSchedule(RepairCron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

        await scheduler.ScheduleJob(job, [incremental.Build(), repair], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        await OpenRoleImportJob.ScheduleAsync(scheduler, connection, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a pass now (queued behind a running one of the same connection, never beside it).</summary>
    public async Task SyncNowAsync(long connectionId, SyncMode mode = SyncMode.Incremental, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (!await scheduler.Exists(JobFor(connectionId), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Connection {connectionId} is not scheduled; schedule it first.");
        }

        var data = new JobDataMap
        {
            [ConnectionSyncJob.ModeKey] = mode == SyncMode.Full ? "full" : "incremental",
            [ConnectionSyncJob.TriggerKey] = "manual",
        };
        await scheduler.TriggerJob(JobFor(connectionId), data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a removed connection off the schedule.</summary>
    public async Task UnscheduleAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(JobFor(connectionId), cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(OpenRoleImportJob.JobFor(connectionId), cancellationToken).ConfigureAwait(false);
    }
}
