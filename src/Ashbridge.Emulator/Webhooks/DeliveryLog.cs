namespace Ashbridge.Emulator.Webhooks;

/// <summary>Where one attempt left its delivery.</summary>
internal enum DeliveryState
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>It failed and another attempt is scheduled (see <see cref="DeliveryAttempt.NextRetryAt"/>).</summary>
    Retrying,

    /// <summary>It failed and will not be retried: 401/403/404/405/410, or a ping (pings are never retried).</summary>
    Failed,

    /// <summary>The tenth attempt failed too.</summary>
    GaveUp,

    /// <summary>The webhook was deleted or disabled before this attempt, so nothing was sent.</summary>
    Dropped,
}

/// <summary>One row of the delivery log: one HTTP attempt (or one dropped delivery).</summary>
/// <param name="Id">This attempt.</param>
/// <param name="DeliveryId">The delivery the attempt belongs to; retries share it, a fault-injected duplicate has its own.</param>
/// <param name="Duplicate">True for the second copy sent by the <c>dup</c> fault.</param>
internal sealed record DeliveryAttempt(
    string Id,
    string DeliveryId,
    string WebhookId,
    string WebhookActionId,
    string Action,
    int Attempt,
    string RequestUrl,
    int? StatusCode,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset? NextRetryAt,
    DeliveryState State,
    bool Duplicate);

/// <summary>The most recent delivery attempts, oldest first, bounded so a long run keeps flat memory.</summary>
internal sealed class DeliveryLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<DeliveryAttempt> _attempts = new();

    public void Add(DeliveryAttempt attempt)
    {
        lock (_gate)
        {
            if (_attempts.Count == capacity) _attempts.Dequeue();
            _attempts.Enqueue(attempt);
        }
    }

    public IReadOnlyList<DeliveryAttempt> Snapshot()
    {
        lock (_gate) return [.. _attempts];
    }
}
