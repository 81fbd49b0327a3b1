namespace Ashbridge.Ashby.Webhooks;

/// <summary>The ids of a <c>candidateMerge</c> event.</summary>
/// <param name="DeletedCandidateId">The candidate that no longer exists.</param>
/// <param name="MergedCandidateId">The surviving candidate.</param>
public sealed record AshbyCandidateMerge(string DeletedCandidateId, string MergedCandidateId);
