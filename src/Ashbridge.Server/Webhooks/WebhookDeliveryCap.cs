using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace Ashbridge.Server.Webhooks;

/// <summary>
/// The intake's two limits, both checked by the intake itself, which runs before the rate-limiting middleware would
/// (it is short-circuited past the pipeline). Beyond either the intake answers 429, which Ashby retries.
/// <list type="bullet">
/// <item>Deliveries per connection and minute (<c>Ashbridge:Webhooks:MaxPerMinute</c>, default 600,000: far above what
/// Ashby sends, well below what a flood of forgeries, each of which is counted in the database, could cost). Keyed by
/// the connection's id, so only real connections have an allowance.</item>
/// <item>Requests naming no connection, per client address and minute (<c>Ashbridge:Webhooks:UnknownConnectionPerMinute</c>,
/// default 60): each costs a database lookup, and Ashby itself only ever sends to connections that exist. IPv6
/// addresses count by their /64, which one client usually holds whole.</item>
/// </list>
/// Both are partitioned limiters, which drop a partition once it has been idle for a while, so their memory follows the
/// clients of the last minute or two rather than every client ever seen.
/// </summary>
public sealed class WebhookDeliveryCap : IDisposable
{
    private readonly PartitionedRateLimiter<long> _perConnection;
    private readonly PartitionedRateLimiter<IPAddress> _unknownPerClient;

    public WebhookDeliveryCap(IConfiguration configuration)
    {
        PerMinute = configuration.GetValue("Ashbridge:Webhooks:MaxPerMinute", 600_000);
        UnknownPerMinute = configuration.GetValue("Ashbridge:Webhooks:UnknownConnectionPerMinute", 60);
        _perConnection = PartitionedRateLimiter.Create<long, long>(connectionId => RateLimitPartition.GetFixedWindowLimiter(
            connectionId, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        _unknownPerClient = PartitionedRateLimiter.Create<IPAddress, IPAddress>(client => RateLimitPartition.GetFixedWindowLimiter(
            client, _ => new FixedWindowRateLimiterOptions { PermitLimit = UnknownPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public int PerMinute { get; }

    public int UnknownPerMinute { get; }

    /// <summary>Takes one delivery from the connection's allowance for this minute; false when it is spent.</summary>
    public bool TryTake(long connectionId)
    {
        using var lease = _perConnection.AttemptAcquire(connectionId);
        return lease.IsAcquired;
    }

    /// <summary>
    /// Takes one lookup of a name that may be no connection from the client's allowance for this minute; when it is
    /// spent, false and how long until the next window.
    /// </summary>
    public bool TryTakeUnknown(IPAddress? client, out TimeSpan retryAfter)
    {
        using var lease = _unknownPerClient.AttemptAcquire(PartitionOf(client));
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    private static IPAddress PartitionOf(IPAddress? client)
    {
        if (client is null) return IPAddress.None;
        if (client.IsIPv4MappedToIPv6) return client.MapToIPv4();
        if (client.AddressFamily != AddressFamily.InterNetworkV6) return client;
        Span<byte> bytes = stackalloc byte[16];
        client.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }

    public void Dispose()
    {
        _perConnection.Dispose();
        _unknownPerClient.Dispose();
    }
}
