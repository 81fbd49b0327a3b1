using System.Collections.Concurrent;

namespace Ashbridge.Core.Access;

/// <summary>
/// The last use of each API token, noted in memory on every request and written by <see cref="TokenStore.RecordUsesAsync"/>
/// about once a minute: a write per request made every bearer GET wait on a busy database.
/// </summary>
public sealed class TokenUses
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _latest = new();

    /// <summary>Notes that a token was used (the latest time wins).</summary>
    public void Note(long tokenId, DateTimeOffset at) => _latest.AddOrUpdate(tokenId, at, (_, known) => at > known ? at : known);

    /// <summary>What was noted since the last call, removed from the notes.</summary>
    public IReadOnlyList<(long TokenId, DateTimeOffset At)> Take()
    {
        var taken = new List<(long, DateTimeOffset)>();
        foreach (var id in _latest.Keys)
        {
            if (_latest.TryRemove(id, out var at)) taken.Add((id, at));
        }

        return taken;
    }
}
