namespace Ashbridge.Core.Careers;

/// <summary>One open role as the public careers feed shows it: only what a job board shows, nothing internal.</summary>
/// <param name="Id">The Ashby job posting's id.</param>
/// <param name="Url">The posting's page on the job board (or its apply link).</param>
public sealed record CareersRole(
    string Id, string Title, string? Department, string? Location, string? EmploymentType, string? Url, DateTimeOffset? PostedAt);
