namespace Ashbridge.Core.AshbyUsers;

/// <summary>A change to a hiring team as asked: exactly one of a job or an application, the user by email, a role id from <c>hiringTeamRole.list</c>.</summary>
public sealed record HiringTeamTarget(string? JobId, string? ApplicationId, string? UserEmail, string? RoleId);
