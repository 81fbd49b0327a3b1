namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// A batch upload: the connection, the file (name, SHA-256), its headers and column mapping, its state (planned,
/// queued, running, stopped or finished), how many rows each action plans, progress (rows done of the total) and the
/// outcomes so far.
/// </summary>
public sealed record DedupeBatch(
    long Id,
    long ConnectionId,
    string FileName,
    string FileHash,
    IReadOnlyList<string> Headers,
    IReadOnlyList<string?> Mapping,
    string State,
    int TotalRows,
    int DoneRows,
    IReadOnlyDictionary<string, int> Planned,
    IReadOnlyDictionary<string, int> Outcomes,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    /// <summary>Whether it may be (re-)planned or decided on: not while it runs.</summary>
    public bool IsRunning => State is DedupeBatchState.Queued or DedupeBatchState.Running;
}
