using System.Threading.RateLimiting;

namespace Ashbridge.Server.Webhooks;

/// <summary>
/// The cap on webhook deliveries per connection and minute (<c>Ashbridge:Webhooks:MaxPerMinute</c>, default 600,000: far
/// above what Ashby sends, well below what a flood of forgeries, each of which is counted in the database, could cost).
/// Beyond it the intake answers 429, which Ashby retries. Checked by the intake itself, which runs before the rate-limiting
/// middleware would (it is short-circuited past the pipeline).
/// </summary>
public sealed class WebhookDeliveryCap : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public WebhookDeliveryCap(IConfiguration configuration)
    {
        PerMinute = configuration.GetValue("Ashbridge:Webhooks:MaxPerMinute", 600_000);
        _limiter = PartitionedRateLimiter.Create<string, string>(connection => RateLimitPartition.GetFixedWindowLimiter(
            connection, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public int PerMinute { get; }

    /// <summary>Takes one delivery from the connection's allowance for this minute; false when it is spent.</summary>
    public bool TryTake(string connection)
    {
        using var lease = _limiter.AttemptAcquire(connection);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
