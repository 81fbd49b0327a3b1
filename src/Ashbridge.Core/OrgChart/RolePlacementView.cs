using Ashbridge.Core.OpenRoles;

namespace Ashbridge.Core.OrgChart;

/// <summary>An open role with where it sits: the "Add manager" form shows this.</summary>
/// <param name="Manager">The person the role sits under (placed or suggested), or <see langword="null"/>.</param>
/// <param name="Suggested">The job's hiring manager matched to a person, whether or not an admin placed the role elsewhere.</param>
/// <param name="SuggestedWhy">Why that suggestion (or why none).</param>
/// <param name="FilledBy">The member hired onto the role's job, when one was.</param>
public sealed record RolePlacementView(
    OpenRole Role, RolePlacement Placement, OrgPerson? Manager, OrgPerson? Suggested, string SuggestedWhy, OrgPerson? FilledBy);
