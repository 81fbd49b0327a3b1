using Ashbridge.Core.Mirror;
using Ashbridge.Core.Sync;

namespace Ashbridge.Core.OrgChart;

/// <summary>Keeps the chart's people in step with Ashby's users: after a pass that changed them, the people are refreshed at once (not at the next read).</summary>
public sealed class OrgChartObserver(OrgChartPeople people) : IMirrorObserver
{
    /// <inheritdoc />
    public async Task MirrorChangedAsync(long connectionId, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (!streams.Contains(MirrorStreams.Users.Name)) return;
        await people.RefreshAsync(cancellationToken).ConfigureAwait(false);
        people.Invalidate(); // the next read re-checks the fingerprint, as the refresh wrote rows
    }
}
