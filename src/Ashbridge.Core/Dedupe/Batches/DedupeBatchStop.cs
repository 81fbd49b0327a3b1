namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>Why a run stopped before the end (hosts map it to an exit code); a run resumes it in every case.</summary>
public enum DedupeBatchStop
{
    /// <summary>It did not stop: the batch finished, or another process runs it.</summary>
    None,

    /// <summary>Cancelled (Ctrl-C, the hub shutting down).</summary>
    Interrupted,

    /// <summary>Ashby could not be reached.</summary>
    AshbyUnreachable,

    /// <summary>The connection's key lacks a permission the writes need.</summary>
    PermissionMissing,

    /// <summary>An unexpected error (logged).</summary>
    Failed,
}
