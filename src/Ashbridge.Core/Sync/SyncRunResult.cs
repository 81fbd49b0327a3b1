namespace Ashbridge.Core.Sync;

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
