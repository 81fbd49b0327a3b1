namespace Ashbridge.Core.Dedupe;

/// <summary>
/// A candidate the prospect may already be: the surviving candidate (a merged-away one is followed to the one it was
/// merged into), its name, a score from 0 to 100 and why, strongest reason first.
/// </summary>
public sealed record DuplicateMatch(string CandidateId, string Name, int Score, IReadOnlyList<string> Reasons);
