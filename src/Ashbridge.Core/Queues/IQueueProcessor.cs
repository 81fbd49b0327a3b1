namespace Ashbridge.Core.Queues;

/// <summary>
/// What processes a durable queue: work kept in the database until it is done, stored first, then processed in the
/// background by <see cref="QueueLoop"/>, retried on a <see cref="RetrySchedule"/>, and dead-lettered after the last attempt
/// until an admin replays it (the table's SQL is <see cref="QueueTable"/>'s). Inbound webhook events
/// (<c>WebhookProcessor</c>) and outbound deliveries (<c>OutboundDispatcher</c>) are the two; each keeps only what is its own.
/// </summary>
public interface IQueueProcessor
{
    /// <summary>The queue's name in logs.</summary>
    string Name { get; }

    /// <summary>Notified whenever work is added, so the loop runs at once.</summary>
    QueueSignal Wake { get; }

    /// <summary>How the loop paces itself.</summary>
    QueuePacing Pacing { get; }

    /// <summary>Processes the items that are due (recording each one's outcome); returns how many it took (0: nothing due).</summary>
    Task<int> ProcessDueAsync(CancellationToken cancellationToken = default);

    /// <summary>When the next waiting item falls due, or <see langword="null"/> when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default);
}
