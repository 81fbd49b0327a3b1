using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Mirror;

/// <summary>The status page's and <c>/api/status</c>'s summary of the mirror: per connection, its last pass and its streams.</summary>
public sealed class MirrorOverview(SyncHistory history)
{
    /// <summary>The mirror of each of <paramref name="visible"/>, in the order given.</summary>
    public async Task<IReadOnlyList<MirrorStatus>> StatusAsync(IEnumerable<Connection> visible, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var mirror = new List<MirrorStatus>();
        foreach (var c in visible)
        {
            mirror.Add(new MirrorStatus(c.Name, c.BaseUrl,
                await history.LastRunAsync(c.Id, cancellationToken).ConfigureAwait(false),
                await history.StreamStatesAsync(c.Id, cancellationToken).ConfigureAwait(false)));
        }

        return mirror;
    }
}
