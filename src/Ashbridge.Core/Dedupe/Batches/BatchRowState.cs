namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>The states of a batch's row, stored before and after its write.</summary>
public static class BatchRowState
{
    /// <summary>Not run yet.</summary>
    public const string Planned = "planned";

    /// <summary>Its write was started: a crash here is resumed by doing it again safely.</summary>
    public const string Started = "started";

    /// <summary>Run: its outcome says what came of it.</summary>
    public const string Done = "done";
}
