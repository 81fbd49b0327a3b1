namespace Ashbridge.Core.Exports;

/// <summary>
/// What an export keeps of the hired applications: hired between two dates (inclusive; the accepted offer's decision
/// date, else the application's last update), in some departments or locations (by name, any case), and optionally the
/// open openings beside them, so a plan sees hired and still-to-hire headcount together.
/// </summary>
public sealed record ExportFilters(
    DateOnly? HiredFrom = null, DateOnly? HiredTo = null, IReadOnlyList<string>? Departments = null, IReadOnlyList<string>? Locations = null, bool IncludeOpenOpenings = false)
{
    /// <summary>No filter: every hired application, no openings.</summary>
    public static ExportFilters None { get; } = new();
}
