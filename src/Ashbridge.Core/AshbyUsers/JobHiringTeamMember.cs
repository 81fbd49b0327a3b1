namespace Ashbridge.Core.AshbyUsers;

/// <summary>One member of a job's hiring team.</summary>
public sealed record JobHiringTeamMember(string UserId, string? Email, string Name, string Role);
