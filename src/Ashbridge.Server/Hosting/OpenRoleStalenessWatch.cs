using Ashbridge.Core.Notices;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// Runs Core's <see cref="OpenRoleStaleness"/> check every <see cref="OpenRoleStaleness.Interval"/> while the hub runs. A
/// failed check (the database away) is logged and tried again at the next tick; the watch itself never stops the hub.
/// </summary>
public sealed partial class OpenRoleStalenessWatch(OpenRoleStaleness staleness, TimeProvider time, ILogger<OpenRoleStalenessWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(OpenRoleStaleness.Interval, time, stoppingToken);
                var raised = await staleness.CheckAsync(stoppingToken);
                if (raised.Count > 0) Raised(logger, raised.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                CheckFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Raised {Count} staleness alert(s) for open roles")]
    private static partial void Raised(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Warning, "The open roles' staleness check failed; it runs again in a minute")]
    private static partial void CheckFailed(ILogger logger, Exception ex);
}
