namespace Ashbridge.Core.AshbyUsers;

/// <summary>A job's hiring team as the mirror holds it: each member's user (when the directory knows them) and role.</summary>
public sealed record JobHiringTeam(string JobId, string? Title, string? Status, IReadOnlyList<JobHiringTeamMember> Members);
