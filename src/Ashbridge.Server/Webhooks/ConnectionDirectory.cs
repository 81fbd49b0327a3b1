using System.Collections.Concurrent;
using Ashbridge.Core.Connections;

namespace Ashbridge.Server.Webhooks;

/// <summary>
/// Connections by name for the intake, remembered for a few seconds: every delivery names its connection, and reading it
/// from the database each time cost more than storing the event. A connection removed meanwhile is refused by the
/// database (its events' foreign key), which answers 503, and Ashby's retry finds it gone.
/// </summary>
public sealed class ConnectionDirectory(ConnectionStore connections, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (Connection? Connection, DateTimeOffset ReadAt)> _byName = new(StringComparer.Ordinal);

    public async Task<Connection?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byName.TryGetValue(name, out var cached) && now - cached.ReadAt < Freshness && cached.Connection is not null) return cached.Connection;
        var found = await connections.FindAsync(name, cancellationToken);
        _byName[name] = (found, now);
        return found;
    }
}
