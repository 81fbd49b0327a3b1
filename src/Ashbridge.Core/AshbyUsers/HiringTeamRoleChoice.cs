namespace Ashbridge.Core.AshbyUsers;

/// <summary>One hiring team role: the id the write takes and its title.</summary>
public sealed record HiringTeamRoleChoice(string Id, string Title);
