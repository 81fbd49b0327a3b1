using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Ashbridge.Ashby;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Core.Connections;

/// <summary>
/// One <see cref="AshbyClient"/> per Ashby key and base URL, shared by the sync and every feature: they draw on one
/// request budget (a concurrency limit in front of the client's retries), so a busy feature slows the sync down
/// instead of both tripping Ashby's per-key rate limit. A new key gets a new client; the old one is dropped.
/// </summary>
public sealed class AshbyClientPool(ConnectionStore connections, ILoggerFactory? loggerFactory = null) : IDisposable
{
    /// <summary>Requests in flight per key at most; Ashby publishes no number, so this stays modest.</summary>
    public const int RequestsInFlightPerKey = 4;

    private readonly ConcurrentDictionary<string, Lazy<Entry>> _clients = new(StringComparer.Ordinal);

    /// <summary>The shared client of a connection's current key.</summary>
    /// <exception cref="ConnectionSecretUnreadableException">The key cannot be decrypted.</exception>
    public async Task<AshbyClient> GetClientAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var apiKey = await connections.ReadApiKeyAsync(connection, cancellationToken).ConfigureAwait(false);
        return ClientFor(connection.BaseUrl, apiKey);
    }

    /// <summary>The shared client of a key that is not stored yet (the pre-flight of a connection being added).</summary>
    public AshbyClient ClientFor(Uri baseUrl, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        // The dictionary is keyed by a hash, so the key itself is not kept in another place in memory.
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{baseUrl}\n{apiKey}")));
        return _clients.GetOrAdd(id, _ => new Lazy<Entry>(() => Entry.Create(baseUrl, apiKey, loggerFactory))).Value.Client;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var entry in _clients.Values.Where(e => e.IsValueCreated)) entry.Value.Dispose();
        _clients.Clear();
    }

    private sealed class Entry(AshbyClient client, RateLimiter limiter) : IDisposable
    {
        public AshbyClient Client { get; } = client;

        public static Entry Create(Uri baseUrl, string apiKey, ILoggerFactory? loggerFactory)
        {
            var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = RequestsInFlightPerKey,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            var client = new AshbyClient(new AshbyClientOptions
            {
                BaseUrl = baseUrl,
                ApiKey = apiKey,
                RequestLimiter = limiter,
                LoggerFactory = loggerFactory,
            });
            return new Entry(client, limiter);
        }

        public void Dispose()
        {
            Client.Dispose();
            limiter.Dispose();
        }
    }
}
