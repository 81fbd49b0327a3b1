namespace Ashbridge.Core.AshbyUsers;

/// <summary>What a hiring team form offers: the roles, and which levels the key cannot write (said before anyone tries).</summary>
/// <param name="Roles">The organisation's hiring team roles, from the mirror (<c>hiringTeamRole.list</c>).</param>
/// <param name="JobLevelBlocked">Why jobs cannot be changed (the missing permission), or <see langword="null"/>.</param>
/// <param name="ApplicationLevelBlocked">Why applications cannot be changed, or <see langword="null"/>.</param>
/// <param name="Jobs">The jobs whose team can be changed: open or draft, not confidential, by title.</param>
public sealed record HiringTeamChoices(IReadOnlyList<HiringTeamRoleChoice> Roles, string? JobLevelBlocked, string? ApplicationLevelBlocked, IReadOnlyList<HiringTeamJobChoice> Jobs);
