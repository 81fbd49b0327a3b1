namespace Ashbridge.Core.OrgChart;

/// <summary>Where one open role sits in the chart, and why.</summary>
/// <param name="ManagerId">The person the role sits under, or <see langword="null"/> when nobody matches.</param>
/// <param name="How"><c>placed</c> (an admin chose), <c>suggested</c> (the job's hiring manager) or <c>none</c>.</param>
/// <param name="Why">In words, for the "Add manager" form: who placed it, or why this suggestion (or none).</param>
/// <param name="PlacedBy">Who placed the role, when an admin did.</param>
/// <param name="PlacedAt">When the role was placed, when an admin did.</param>
public sealed record RolePlacement(long? ManagerId, string How, string Why, string? PlacedBy = null, DateTimeOffset? PlacedAt = null)
{
    public const string Placed = "placed";
    public const string Suggested = "suggested";
    public const string None = "none";
}
