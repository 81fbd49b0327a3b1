namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>The states of a batch.</summary>
public static class DedupeBatchState
{
    /// <summary>Read and planned; nothing written yet (or rows were changed since the last run).</summary>
    public const string Planned = "planned";

    /// <summary>Asked to run; the hub's background loop picks it up.</summary>
    public const string Queued = "queued";

    /// <summary>Running (or its process died: the next run takes it over and resumes).</summary>
    public const string Running = "running";

    /// <summary>Stopped before the end (interrupted, Ashby unreachable, the key lacks a permission); a run resumes it.</summary>
    public const string Stopped = "stopped";

    /// <summary>Every row done.</summary>
    public const string Finished = "finished";
}
