namespace Ashbridge.Core.Sync;

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
