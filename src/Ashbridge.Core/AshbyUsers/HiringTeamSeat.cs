namespace Ashbridge.Core.AshbyUsers;

/// <summary>A place on a hiring team: a job's, or one application's own.</summary>
/// <param name="Level"><c>job</c> or <c>application</c>.</param>
/// <param name="ApplicationId">Set at application level.</param>
/// <param name="CandidateName">The application's candidate, at application level.</param>
/// <param name="Role">The role's title there (Recruiter, Hiring Manager…).</param>
public sealed record HiringTeamSeat(string Level, string JobId, string? JobTitle, string? ApplicationId, string? CandidateName, string Role)
{
    public const string JobLevel = "job";
    public const string ApplicationLevel = "application";
}
