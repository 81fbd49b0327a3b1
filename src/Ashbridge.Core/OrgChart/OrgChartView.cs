namespace Ashbridge.Core.OrgChart;

/// <summary>The chart as built: every node (people and open roles), the departments to filter by, and counts.</summary>
/// <param name="Department">The department it was built for, or <see langword="null"/> for the whole hub.</param>
public sealed record OrgChartView(string? Department, IReadOnlyList<OrgChartNode> Nodes, IReadOnlyList<string> Departments, int People, int Roles, int Flagged, DateTimeOffset BuiltAt);
