namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// A row of a batch: its line in the file and cells, the plan, a person's decision (create, merge:&lt;candidate id&gt; or
/// skip; null when none), its state (planned, started, done) and, once run, its outcome with the candidate and
/// application written and what happened.
/// </summary>
public sealed record DedupeBatchRow(
    int Number,
    IReadOnlyList<string> Cells,
    BatchRowPlan Plan,
    string? Decision,
    string State,
    string? Outcome,
    string? CandidateId,
    string? ApplicationId,
    string? Detail)
{
    /// <summary>What the row will do when run: the person's decision, else the plan.</summary>
    public string EffectiveAction => Decision is null ? Plan.Action : Decision.StartsWith(BatchAction.Merge, StringComparison.Ordinal) ? BatchAction.Merge : Decision;

    /// <summary>The candidate a merge goes into: the person's pick, else the plan's.</summary>
    public string? MergeInto => Decision is { } d && d.StartsWith(BatchAction.Merge + ":", StringComparison.Ordinal) ? d[(BatchAction.Merge.Length + 1)..] : Plan.CandidateId;
}
