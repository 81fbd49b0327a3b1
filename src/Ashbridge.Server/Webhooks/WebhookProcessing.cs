using Ashbridge.Core.Webhooks;

namespace Ashbridge.Server.Webhooks;

/// <summary>Wakes the processor when the intake stores an event, so it is applied at once rather than on a timer.</summary>
public sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Says there is work; several calls before the processor wakes count as one.</summary>
    public void Notify()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notify got there first: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a notify or the timeout, whichever comes first; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}

/// <summary>
/// Drains the inbox in the background: at start (events left by a restart), whenever the intake stores one, and when a
/// retry falls due. Processing never blocks the intake, which only stores and answers.
/// </summary>
public sealed partial class WebhookProcessing(WebhookProcessor processor, WebhookInbox inbox, WebhookSignal signal, TimeProvider time, ILogger<WebhookProcessing> logger)
    : BackgroundService
{
    /// <summary>How long the loop idles when nothing is pending and nothing wakes it.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a wake-up, how long to let more events gather: a burst is then applied by one pass instead of many, which
    /// leaves the intake the CPU it needs, at a small cost in freshness.
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = IdleWait;
            try
            {
                if (await processor.ProcessDueAsync(stoppingToken) > 0)
                {
                    // Under a stream of deliveries, one pass per gather period: more events per pass, and the CPU
                    // in between goes to the intake.
                    await Task.Delay(Gather, time, stoppingToken);
                    continue;
                }

                if (await inbox.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilDue = next - time.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < IdleWait ? untilDue : IdleWait;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be down; the events are safe in it (or were never acknowledged). Try again shortly.
                ProcessingFailed(logger, ex);
                wait = TimeSpan.FromSeconds(5);
            }

            try
            {
                if (await signal.WaitAsync(wait, stoppingToken)) await Task.Delay(Gather, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Webhook processing failed; retrying shortly")]
    private static partial void ProcessingFailed(ILogger logger, Exception exception);
}
