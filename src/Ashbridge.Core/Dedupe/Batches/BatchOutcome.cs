namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>What running a row came to.</summary>
public static class BatchOutcome
{
    /// <summary>A new candidate was created (and applied to the job given).</summary>
    public const string Created = "created";

    /// <summary>The row was merged into a candidate already in Ashby.</summary>
    public const string Merged = "merged";

    /// <summary>Nothing was written: the plan or a person said skip, or the row was written before.</summary>
    public const string Skipped = "skipped";

    /// <summary>Nothing was written: the row is not valid.</summary>
    public const string Invalid = "invalid";

    /// <summary>Nothing was written: the row waits for a person's decision.</summary>
    public const string Held = "held";

    /// <summary>Ashby refused the write; the detail says why.</summary>
    public const string Failed = "failed";

    /// <summary>The outcome a row planned as <paramref name="action"/> comes to when Ashby does what the mirror says.</summary>
    public static string Expected(string action) => action switch
    {
        BatchAction.Create => Created,
        BatchAction.Merge => Merged,
        BatchAction.Skip => Skipped,
        BatchAction.Person => Held,
        _ => Invalid,
    };
}
