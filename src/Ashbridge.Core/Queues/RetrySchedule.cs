namespace Ashbridge.Core.Queues;

/// <summary>
/// How a durable queue retries an item that failed: waits that grow by <paramref name="Factor"/> from
/// <paramref name="First"/> up to <paramref name="Longest"/>, and after <paramref name="MaxAttempts"/> attempts the item is
/// a dead letter, which waits for an admin to replay it.
/// </summary>
public sealed record RetrySchedule(TimeSpan First, double Factor, TimeSpan Longest, int MaxAttempts)
{
    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 for the first).</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, First.TotalSeconds * Math.Pow(Factor, Math.Max(0, attempts - 1))));

    /// <summary>When to try again after <paramref name="attempts"/> failed attempts, or <see langword="null"/>: a dead letter.</summary>
    public DateTimeOffset? RetryAt(DateTimeOffset now, int attempts) => attempts >= MaxAttempts ? null : now + Backoff(attempts);
}
