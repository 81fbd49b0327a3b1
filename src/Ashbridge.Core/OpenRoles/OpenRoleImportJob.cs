using Ashbridge.Core.Connections;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Ashbridge.Core.OpenRoles;

/// <summary>
/// The Quartz job behind each connection's 6-hourly import of open roles (for parity with The Org, and for connections
/// without webhooks). A failed import is recorded and Quartz hears of it; the next tick tries again.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class OpenRoleImportJob(OpenRoleImports imports, ILogger<OpenRoleImportJob> logger) : IJob
{
    /// <summary>How often a connection's open roles are imported.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Job data: the connection's id.</summary>
    public const string ConnectionIdKey = "connectionId";

    /// <summary>The job of a connection.</summary>
    public static JobKey JobFor(long connectionId) => new($"connection-{connectionId}", "open-roles");

    /// <summary>The trigger of a connection's job.</summary>
    public static TriggerKey TriggerFor(long connectionId) => new($"connection-{connectionId}-open-roles", "open-roles");

    /// <summary>Puts (or puts again) a connection's import on the schedule: every <see cref="Interval"/>, the first one interval from now.</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, Connection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(connection);
        var job = JobBuilder.Create<OpenRoleImportJob>()
            .WithIdentity(JobFor(connection.Id))
            .WithDescription($"Import of open roles of connection '{connection.Name}'")
            .UsingJobData(ConnectionIdKey, connection.Id)
            .StoreDurably()
            .Build();
        // The first one an interval out: the connection's first pass already builds its open roles.
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerFor(connection.Id))
            .ForJob(job)
            .StartAt(now.Add(Interval))
            .WithSimpleSchedule(s => s.WithInterval(Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connectionId = context.MergedJobDataMap.GetLong(ConnectionIdKey);
        OpenRoleImportResult result;
        try
        {
            result = await imports.ImportNowAsync(connectionId, OpenRoleImporter.ScheduleTrigger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or JobExecutionException))
        {
            Failed(logger, ex, connectionId);
            throw new JobExecutionException($"The import of open roles of connection {connectionId} could not run: {ex.Message}", ex);
        }

        if (!result.Succeeded) throw new JobExecutionException($"The import of open roles of connection {connectionId} failed: {result.Error}");
    }

    [LoggerMessage(1, LogLevel.Error, "Scheduled import of open roles of connection {ConnectionId} failed")]
    private static partial void Failed(ILogger logger, Exception exception, long connectionId);
}
