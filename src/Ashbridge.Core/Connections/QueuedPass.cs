using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Connections;

/// <summary>
/// A pass asked for with "sync now": the run it becomes is the first of the connection with the <c>manual</c> trigger
/// that started at or after <see cref="QueuedAt"/> (passes of one connection never overlap, so a pass running when it
/// was queued started before it). Lets a page wait for that run, and recognise it when it already finished.
/// </summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Mode">Incremental or full.</param>
/// <param name="QueuedAt">When it was queued, to the millisecond (as run start times are stored).</param>
public sealed record QueuedPass(long ConnectionId, SyncMode Mode, DateTimeOffset QueuedAt)
{
    /// <summary>The trigger its run carries in the history.</summary>
    public const string Trigger = "manual";

    /// <summary>Whether <paramref name="run"/> is a run this queued pass may have become.</summary>
    public bool Matches(SyncRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.ConnectionId == ConnectionId && run.Trigger == Trigger && run.StartedAt >= QueuedAt;
    }

    /// <summary>The run this pass became, from a history newest first; null while it has not started.</summary>
    public SyncRunResult? FindIn(IEnumerable<SyncRunResult> runs) => runs.Where(Matches).MinBy(r => r.RunId);
}
