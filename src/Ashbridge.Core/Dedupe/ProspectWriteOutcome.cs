using System.Diagnostics.CodeAnalysis;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// What a merge or an upload came to: the candidate written (and the application made, when a job was given) with what
/// changed, one sentence each; or the refusal, and then nothing was written.
/// </summary>
public sealed record ProspectWriteOutcome(string? CandidateId, string? ApplicationId, IReadOnlyList<string> Changes, ProspectWriteRefusal? Refusal)
{
    /// <summary>Whether the write was done (then <see cref="CandidateId"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(CandidateId))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    /// <summary>A refusal: nothing was written.</summary>
    public static ProspectWriteOutcome Refused(ProspectWriteRefusalKind kind, string title, string detail, string? candidateId = null) =>
        new(null, null, [], new ProspectWriteRefusal(kind, title, detail, candidateId));
}
