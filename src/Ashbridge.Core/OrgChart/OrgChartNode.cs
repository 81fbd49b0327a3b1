namespace Ashbridge.Core.OrgChart;

/// <summary>One box of the chart: a person or an open role, under its parent.</summary>
/// <param name="Id"><c>p-{personId}</c> for a person, <c>r-{connectionId}-{postingId}</c> for a role.</param>
/// <param name="Kind"><c>person</c> or <c>role</c>.</param>
/// <param name="Name">The person's name, or the role's job title.</param>
/// <param name="Title">The person's title; "Open role" for a role.</param>
/// <param name="Email">The person's e-mail address (none for a role).</param>
/// <param name="ParentId">The node above (the manager), or <see langword="null"/> at the top.</param>
/// <param name="Flags">
/// <c>removed</c> (left the chart, kept because someone still reports to them), <c>manager-removed</c>, <c>no-manager</c> (a role
/// nobody matches), <c>filled-role</c> (a member who took a role's place), <c>outside-department</c> (shown above a department's
/// people for context), <c>loop</c> (a manager loop found in old data, cut here).
/// </param>
public sealed record OrgChartNode(string Id, string Kind, string Name, string? Title, string? Department, string? Email, string? ParentId, IReadOnlyList<string> Flags)
{
    public const string PersonKind = "person";
    public const string RoleKind = "role";

    /// <summary>The person's id (people only).</summary>
    public long? PersonId { get; init; }

    /// <summary>Why the person left the chart (removed people only).</summary>
    public string? RemovedReason { get; init; }

    /// <summary>The role's connection by name (roles only).</summary>
    public string? Connection { get; init; }

    /// <summary>The role's Ashby job posting (roles only).</summary>
    public string? PostingId { get; init; }

    /// <summary>The role's location (roles only).</summary>
    public string? Location { get; init; }

    /// <summary><c>placed</c>, <c>suggested</c> or <c>none</c> (roles only).</summary>
    public string? Placement { get; init; }

    /// <summary>How many of the role's openings are still open (roles only).</summary>
    public int? OpenOpenings { get; init; }

    /// <summary>The role this member filled (filled roles only).</summary>
    public string? FilledRole { get; init; }
}
