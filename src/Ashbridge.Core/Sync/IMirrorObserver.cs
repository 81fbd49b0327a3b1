namespace Ashbridge.Core.Sync;

/// <summary>
/// A feature that follows the mirror: told after every pass of a connection (scheduled, on demand or from a webhook) that
/// changed rows, still under the connection's lock, so it sees the pass's writes and never runs beside another pass of
/// the same connection. After a failure here it is told of every stream of the connection's next pass.
/// </summary>
public interface IMirrorObserver
{
    /// <summary>The pass that just finished changed rows of these streams (by name); a failure here is logged, not the pass's.</summary>
    Task MirrorChangedAsync(long connectionId, IReadOnlyCollection<string> streams, CancellationToken cancellationToken);
}
