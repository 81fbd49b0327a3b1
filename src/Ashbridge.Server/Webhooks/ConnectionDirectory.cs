using System.Collections.Concurrent;
using Ashbridge.Core.Connections;

namespace Ashbridge.Server.Webhooks;

/// <summary>
/// Connections by name for the intake, remembered for a few seconds: every delivery names its connection, and reading it
/// from the database each time cost more than storing the event. A connection removed meanwhile is refused by the
/// database (its events' foreign key), which answers 503, and Ashby's retry finds it gone.
/// </summary>
/// <remarks>
/// Only connections are remembered, never a name that is not one: anyone may send a name, and keeping each (as this did)
/// let 42,000 anonymous requests with long random names grow the hub by 830 MB. The map holds at most the connections
/// the hub has had.
/// </remarks>
public sealed class ConnectionDirectory(ConnectionStore connections, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (Connection Connection, DateTimeOffset ReadAt)> _byName = new(StringComparer.Ordinal);
    private long _listedAtTicks; // never: UtcTicks count from year 1

    public async Task<Connection?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byName.TryGetValue(name, out var cached) && now - cached.ReadAt < Freshness) return cached.Connection;
        var found = await connections.FindAsync(name, cancellationToken);
        if (found is null) _byName.TryRemove(name, out _); // removed meanwhile (a no-op for a stranger's name)
        else _byName[name] = (found, now);
        return found;
    }

    /// <summary>Whether the name was a connection when last read, answered from memory (whatever its age).</summary>
    public bool Knows(string name) => _byName.ContainsKey(name);

    /// <summary>
    /// <see cref="Knows"/>, after reading the list of connections if that was not done in the last few seconds: one
    /// query however many requests ask, so a connection this hub has not yet seen is recognised without a lookup per name.
    /// </summary>
    public async Task<bool> KnowsAfterListingAsync(string name, CancellationToken cancellationToken)
    {
        if (Knows(name)) return true;
        var now = time.GetUtcNow();
        var last = Interlocked.Read(ref _listedAtTicks);
        if (now.UtcTicks - last < Freshness.Ticks || Interlocked.CompareExchange(ref _listedAtTicks, now.UtcTicks, last) != last) return false;
        foreach (var connection in await connections.ListAsync(cancellationToken)) _byName[connection.Name] = (connection, now);
        return Knows(name);
    }
}
