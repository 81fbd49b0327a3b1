namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>How a run ended: finished, stopped (why, in <see cref="Stop"/> and <see cref="Error"/>; a run resumes it), or not started because another process runs it.</summary>
public sealed record DedupeBatchRunResult(string State, string? Error, bool AlreadyRunning = false, DedupeBatchStop Stop = DedupeBatchStop.None);
