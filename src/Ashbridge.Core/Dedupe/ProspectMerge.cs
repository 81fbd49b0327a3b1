namespace Ashbridge.Core.Dedupe;

/// <summary>
/// A prospect merged into a candidate already in Ashby: the prospect's emails, phones and links the candidate lacks are
/// added (what the candidate has is kept), tags added if given, and the candidate applied to a job if one is given.
/// <c>Actor</c> is who the audit log names (<see cref="ProspectWrites.DefaultActor"/> when not given).
/// </summary>
public sealed record ProspectMerge(
    string CandidateId,
    DuplicateProspect Prospect,
    string? JobId = null,
    IReadOnlyList<string>? TagIds = null,
    string? Actor = null);
