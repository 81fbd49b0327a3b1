namespace Ashbridge.Core.Queues;

/// <summary>
/// A durable queue's wake-up: whoever adds work (the intake, a replay, a queued delivery) notifies it after committing,
/// so the queue's loop runs at once rather than at its next look. Notifications while the loop is busy, or several
/// before it wakes, count as one: the round that follows reads everything committed before it.
/// </summary>
public sealed class QueueSignal
{
    private TaskCompletionSource _notified = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Says there is work.</summary>
    public void Notify() => Volatile.Read(ref _notified).TrySetResult();

    /// <summary>
    /// Waits for a notification (or one that came since the last wait returned) or for <paramref name="timeout"/> on
    /// <paramref name="timeProvider"/>'s clock, whichever comes first; true when notified.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var notified = Volatile.Read(ref _notified);
        if (!notified.Task.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(timeout, timeProvider, stop.Token);
            await Task.WhenAny(notified.Task, timer).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!notified.Task.IsCompleted) return false;
        }

        // Consumed before the round that follows reads the database: a notification from here on wakes the next wait.
        Interlocked.CompareExchange(ref _notified, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), notified);
        return true;
    }
}
