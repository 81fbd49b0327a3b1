using Microsoft.Extensions.Logging;
using Quartz;

namespace Ashbridge.Core.Sync.Scheduling;

/// <summary>
/// The Quartz job behind every scheduled and on-demand pass of one connection. Quartz never runs two executions of the
/// same job at once (<see cref="DisallowConcurrentExecutionAttribute"/>); the engine's lock covers other processes.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ConnectionSyncJob(ConnectionSync sync, ILogger<ConnectionSyncJob> logger) : IJob
{
    /// <summary>Job data: the connection's id.</summary>
    public const string ConnectionIdKey = "connectionId";

    /// <summary>Job or trigger data: <c>incremental</c> or <c>full</c>.</summary>
    public const string ModeKey = "mode";

    /// <summary>Trigger data: who asked (<c>schedule</c>, <c>repair</c>, <c>manual</c>).</summary>
    public const string TriggerKey = "trigger";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var connectionId = data.GetLong(ConnectionIdKey);
        var mode = string.Equals(data.GetString(ModeKey), "full", StringComparison.OrdinalIgnoreCase) ? SyncMode.Full : SyncMode.Incremental;
        var trigger = data.GetString(TriggerKey) ?? "schedule";
        SyncRunResult result;
        try
        {
            result = await sync.RunAsync(connectionId, new SyncRequest(mode, trigger), null, cancellationToken).ConfigureAwait(false);
        }
        catch (SyncAlreadyRunningException ex)
        {
            // Another process (say, `ashbridge sync`) is running this connection; the next tick will pick up after it.
            AlreadyRunning(logger, connectionId, ex.Message);
            return;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or JobExecutionException))
        {
            // Quartz is told (and logs it); it must not retry a failed pass on its own: the next tick does.
            Failed(logger, ex, connectionId);
            throw new JobExecutionException($"The pass of connection {connectionId} could not run: {ex.Message}", ex);
        }

        if (result.Outcome == SyncOutcome.Failed)
        {
            // The run history holds which streams failed and why; Quartz hears of it as a failed execution, not a success.
            throw new JobExecutionException($"The pass of connection {connectionId} failed (run {result.RunId}); its run history says which streams and why.");
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Scheduled sync of connection {ConnectionId} skipped: {Reason}")]
    private static partial void AlreadyRunning(ILogger logger, long connectionId, string reason);

    [LoggerMessage(2, LogLevel.Error, "Scheduled sync of connection {ConnectionId} failed")]
    private static partial void Failed(ILogger logger, Exception exception, long connectionId);
}
