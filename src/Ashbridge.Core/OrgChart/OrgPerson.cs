namespace Ashbridge.Core.OrgChart;

/// <summary>
/// One person in the hub's org chart, found by e-mail (lower-cased): a member, an Ashby user, someone imported from CSV,
/// or several of these at once.
/// </summary>
/// <param name="ManagerId">The person they report to, or <see langword="null"/> at the top.</param>
/// <param name="RemovedReason">Why they left the chart (offboarded, deactivated in Ashby, deleted), or <see langword="null"/> while they are in it.</param>
public sealed record OrgPerson(
    long Id, string Email, string Name, string? Title, string? Department, long? ManagerId,
    bool IsMember, bool IsAshbyUser, bool IsImported, string? RemovedReason)
{
    /// <summary>Whether the person left the chart; their reports and roles keep pointing at them and are flagged.</summary>
    public bool IsRemoved => RemovedReason is not null;
}
