namespace Ashbridge.Core.Sync;

/// <summary>What a run asks for: incremental passes where a token allows, or full (repair) passes everywhere.</summary>
public enum SyncMode
{
    /// <summary>Incremental by <c>syncToken</c> where the stream has one (a stream never synced starts with a full pass).</summary>
    Incremental,

    /// <summary>A full pass of every stream, ending with a deletion sweep: the daily repair.</summary>
    Full,
}

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

/// <summary>How a stream's pass ended.</summary>
public enum StreamOutcome
{
    /// <summary>Read to the end and stored.</summary>
    Succeeded,

    /// <summary>Not read; see the reason.</summary>
    Skipped,

    /// <summary>Stopped by an error; the checkpoint lets the next run resume.</summary>
    Failed,

    /// <summary>
    /// Not started: an earlier stream of the run met a failure every stream would meet (Ashby unreachable, the key
    /// refused), so the run stopped there. Its checkpoint is untouched; the next run reads it.
    /// </summary>
    NotRun,
}

/// <summary>How a run ended.</summary>
public enum SyncOutcome
{
    /// <summary>Still running, or its process died (it shows as <see cref="Interrupted"/> once the next run starts).</summary>
    Running,

    /// <summary>Every stream succeeded (skipped streams are reported, not failures).</summary>
    Succeeded,

    /// <summary>At least one stream failed (and any after a failure that stopped the run were not run).</summary>
    Failed,

    /// <summary>The process stopped mid-run; the next run resumed from the checkpoints.</summary>
    Interrupted,
}

/// <summary>Asks for a run of one connection.</summary>
/// <param name="Mode">Incremental (the schedule) or full (the daily repair, or <c>--full</c>).</param>
/// <param name="Trigger">Who asked: <c>schedule</c>, <c>repair</c>, <c>manual</c>, <c>cli</c>.</param>
/// <param name="Streams">A subset of streams by name; null for all.</param>
/// <param name="ChangedBefore">
/// Streams the caller changed just before the pass (the webhook processor's deletions and merges, which no list
/// reports), so the mirror's observers hear of them even when the pass itself changes nothing.
/// </param>
public sealed record SyncRequest(
    SyncMode Mode = SyncMode.Incremental, string Trigger = "manual", IReadOnlyList<string>? Streams = null, IReadOnlyList<string>? ChangedBefore = null);

/// <summary>One stream's part of a run.</summary>
/// <param name="RestartedBecause">The Ashby error code that turned the pass into a full one (token or cursor trouble).</param>
/// <param name="Message">Why it was skipped or failed.</param>
public sealed record StreamRunResult(
    string Stream,
    StreamPassMode Mode,
    StreamOutcome Outcome,
    string? RestartedBecause,
    int Pages,
    long New,
    long Changed,
    long Unchanged,
    long Deleted,
    TimeSpan Duration,
    string? Message);

/// <summary>One run of one connection, as the run history keeps it.</summary>
public sealed record SyncRunResult(
    long RunId,
    long ConnectionId,
    string Trigger,
    SyncMode RequestedMode,
    SyncOutcome Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<StreamRunResult> Streams)
{
    /// <summary>How long it took, or has taken so far.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}

/// <summary>Live progress of one stream, for progress bars.</summary>
/// <param name="Rows">Rows read so far in this pass (new, changed and unchanged).</param>
/// <param name="IsFinished">The stream is done (see <paramref name="Outcome"/>).</param>
public sealed record StreamProgress(string Stream, StreamPassMode Mode, int Pages, long Rows, bool IsFinished, StreamOutcome? Outcome, string? Message);

/// <summary>A stream's stored state: what the next pass will do.</summary>
/// <param name="HasSyncToken">A token is stored, so the next pass can be incremental.</param>
/// <param name="PassInProgress">A pass stopped midway (full or incremental) and will resume from its cursor.</param>
public sealed record StreamState(
    string Stream,
    bool HasSyncToken,
    StreamPassMode? PassInProgress,
    long FullPassesCompleted,
    DateTimeOffset? LastFullPassAt,
    DateTimeOffset? LastIncrementalPassAt,
    string? SkippedReason,
    long Rows,
    long DeletedRows);

/// <summary>Another pass of the same connection holds the lock (in this process or another); only one runs at a time.</summary>
public sealed class SyncAlreadyRunningException : Exception
{
    /// <summary>Creates an exception.</summary>
    public SyncAlreadyRunningException() { }

    /// <summary>Creates an exception with a message.</summary>
    public SyncAlreadyRunningException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public SyncAlreadyRunningException(string message, Exception? innerException) : base(message, innerException) { }
}
