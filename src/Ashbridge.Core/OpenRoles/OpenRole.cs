namespace Ashbridge.Core.OpenRoles;

/// <summary>
/// A role a company is hiring for: one published Ashby job posting, with what The Org collects (title, description,
/// department, location, posting state, creation date and URL) and what an org chart needs from the job and its openings.
/// </summary>
/// <param name="PostingState"><c>Published</c> while open; <c>Unpublished</c> or <c>Deleted</c> once closed.</param>
/// <param name="IsListed">Whether the posting is listed on the job board; unlisted roles never appear on a public surface.</param>
/// <param name="PostedAt">The posting's publication date (Ashby's <c>publishedDate</c>).</param>
/// <param name="PostingUrl">The posting's page on the job board (Ashby's <c>externalLink</c>), or its apply link.</param>
/// <param name="HiringTeam">The job's hiring team, each member with their role there.</param>
/// <param name="Openings">The job's openings, open ones first.</param>
/// <param name="OpenOpenings">How many of the job's openings are still open (a job with no openings counts one).</param>
/// <param name="OpeningState">The state of the first open opening (Open, Draft, Approved, …), or of the latest one when none is open.</param>
/// <param name="ClosedAt">When the role left the open roles, or <see langword="null"/> while it is open.</param>
public sealed record OpenRole(
    long ConnectionId, string PostingId, string? JobId, string Title, string? DescriptionHtml, string? DescriptionPlain,
    string? DepartmentId, string? DepartmentName, string? LocationName, string PostingState, bool IsListed, bool IsConfidential,
    DateTimeOffset? PostedAt, string? PostingUrl, string? ApplyUrl, string? EmploymentType, string? JobStatus,
    OpenRoleTeamMember? HiringManager, IReadOnlyList<OpenRoleTeamMember> HiringTeam, IReadOnlyList<OpenRoleOpening> Openings,
    int OpenOpenings, string? OpeningState, string? TargetHireDate, string? TargetStartDate, bool? IsBackfill,
    DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt)
{
    /// <summary>Whether the role is open (its posting published and allowed by the connection's policy).</summary>
    public bool IsOpen => ClosedAt is null;
}
