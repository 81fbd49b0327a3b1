namespace Ashbridge.Core.AshbyUsers;

/// <summary>A job whose hiring team can be changed: its id and title.</summary>
public sealed record HiringTeamJobChoice(string Id, string Title);
