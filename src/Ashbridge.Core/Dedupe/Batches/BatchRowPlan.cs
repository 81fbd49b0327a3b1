namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// What a row will do and why: the action, the candidate a merge goes into (or a skip points at), the reasons in words,
/// and the candidates the duplicate check found (a person chooses among them for a row that needs one).
/// </summary>
public sealed record BatchRowPlan(string Action, string? CandidateId, string? CandidateName, IReadOnlyList<string> Reasons, IReadOnlyList<DuplicateMatch> Matches)
{
    /// <summary>The plan in one line, as the report and the CLI say it.</summary>
    public string Describe() => Action switch
    {
        BatchAction.Create => "create",
        BatchAction.Merge => $"merge into {CandidateName} ({CandidateId})",
        BatchAction.Skip => "skip: " + string.Join("; ", Reasons),
        BatchAction.Person => "needs a person: " + string.Join("; ", Reasons),
        _ => "invalid: " + string.Join("; ", Reasons),
    };
}
