using Microsoft.Extensions.Logging;

namespace Ashbridge.Core.Queues;

/// <summary>
/// The background loop of a <see cref="IQueueProcessor"/>: processes what is due at start (work left by a restart), whenever
/// the queue is woken, and when the next retry falls due; a round that found work is followed by another after
/// <see cref="QueuePacing.Gather"/>. A failure of the round itself (the database unavailable, say) is logged and
/// retried shortly: the items are safe in the database. The host only runs this (see the server's <c>QueueRunner</c>).
/// </summary>
public sealed partial class QueueLoop(IQueueProcessor queue, TimeProvider timeProvider, ILogger<QueueLoop> logger)
{
    /// <summary>How long the loop waits after a failed round.</summary>
    public static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var pacing = queue.Pacing;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = pacing.LongestWait;
            try
            {
                if (await queue.ProcessDueAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                    // Under a stream of work, one round per gather period: more items per round, and the CPU in
                    // between goes to whoever adds them.
                    if (pacing.Gather > TimeSpan.Zero) await Task.Delay(pacing.Gather, timeProvider, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (await queue.NextDueAsync(stoppingToken).ConfigureAwait(false) is { } next)
                {
                    wait = TimeSpan.FromTicks(Math.Clamp((next - timeProvider.GetUtcNow()).Ticks, 0, pacing.LongestWait.Ticks));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                RoundFailed(logger, ex, queue.Name);
                wait = AfterFailure;
            }

            try
            {
                if (await queue.Wake.WaitAsync(wait, timeProvider, stoppingToken).ConfigureAwait(false) && pacing.Gather > TimeSpan.Zero)
                {
                    await Task.Delay(pacing.Gather, timeProvider, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The {Queue} queue could not be processed; retrying shortly")]
    private static partial void RoundFailed(ILogger logger, Exception exception, string queue);
}
