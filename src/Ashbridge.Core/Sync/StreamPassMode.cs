namespace Ashbridge.Core.Sync;

/// <summary>How one stream was read in a run.</summary>
public enum StreamPassMode
{
    /// <summary>Everything, then a sweep marks rows not seen as deleted.</summary>
    Full,

    /// <summary>Only what changed since the stored token.</summary>
    Incremental,

    /// <summary>Not read: the key lacks the permission, it was not due, or the run stopped first (see <see cref="StreamOutcome.NotRun"/>).</summary>
    Skipped,
}
