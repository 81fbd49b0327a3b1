namespace Ashbridge.Core.Sync;

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
