namespace Ashbridge.Core.Sync;

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
