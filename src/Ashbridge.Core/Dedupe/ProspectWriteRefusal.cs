namespace Ashbridge.Core.Dedupe;

/// <summary>Why a merge or an upload wrote nothing, in words for the sourcer: a short title and what to do.</summary>
/// <param name="Kind">What kind of refusal it is.</param>
/// <param name="Title">One line saying what went wrong.</param>
/// <param name="Detail">What happened and what to do about it.</param>
/// <param name="CandidateId">For <see cref="ProspectWriteRefusalKind.AlreadyInAshby"/>: the candidate Ashby already has.</param>
/// <param name="Problems">For <see cref="ProspectWriteRefusalKind.Invalid"/>: each thing that is wrong, one sentence each; for <see cref="ProspectWriteRefusalKind.PermissionMissing"/>: the permissions.</param>
public sealed record ProspectWriteRefusal(ProspectWriteRefusalKind Kind, string Title, string Detail, string? CandidateId = null, IReadOnlyList<string>? Problems = null);
