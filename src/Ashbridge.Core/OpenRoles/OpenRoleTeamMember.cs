namespace Ashbridge.Core.OpenRoles;

/// <summary>A member of a job's hiring team: the Ashby user and their role on the team (Hiring Manager, Recruiter, …).</summary>
public sealed record OpenRoleTeamMember(string UserId, string? Name, string? Email, string Role);
