namespace Ashbridge.Core.OpenRoles;

/// <summary>One of a job's openings (a headcount): its state, target dates (yyyy-MM-dd), backfill or new, and employment type.</summary>
public sealed record OpenRoleOpening(
    string Id, string? Identifier, string? State, string? TargetHireDate, string? TargetStartDate, bool? IsBackfill, string? EmploymentType);
