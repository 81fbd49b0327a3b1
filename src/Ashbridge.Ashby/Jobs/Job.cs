using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A job (<c>job.list</c>, <c>job.info</c>, job webhooks).</summary>
public sealed partial class Job
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Ashby's <c>confidential</c>.</summary>
    [JsonPropertyName("confidential")]
    public required bool Confidential { get; init; }

    /// <summary>The status (see <see cref="JobStatus"/>).</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Ashby's <c>employmentType</c>.</summary>
    [JsonPropertyName("employmentType")]
    public string? EmploymentType { get; init; }

    /// <summary>Ashby's <c>locationId</c>.</summary>
    [JsonPropertyName("locationId")]
    public string? LocationId { get; init; }

    /// <summary>Ashby's <c>departmentId</c>.</summary>
    [JsonPropertyName("departmentId")]
    public string? DepartmentId { get; init; }

    /// <summary>Ashby's <c>defaultInterviewPlanId</c>.</summary>
    [JsonPropertyName("defaultInterviewPlanId")]
    public string? DefaultInterviewPlanId { get; init; }

    /// <summary>Ashby's <c>interviewPlanIds</c>.</summary>
    [JsonPropertyName("interviewPlanIds")]
    public IReadOnlyList<string>? InterviewPlanIds { get; init; }

    /// <summary>Ashby's <c>customFields</c>.</summary>
    [JsonPropertyName("customFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>Ashby's <c>jobPostingIds</c>.</summary>
    [JsonPropertyName("jobPostingIds")]
    public IReadOnlyList<string>? JobPostingIds { get; init; }

    /// <summary>Ashby's <c>customRequisitionId</c>.</summary>
    [JsonPropertyName("customRequisitionId")]
    public string? CustomRequisitionId { get; init; }

    /// <summary>Ashby's <c>brandId</c>.</summary>
    [JsonPropertyName("brandId")]
    public string? BrandId { get; init; }

    /// <summary>Ashby's <c>hiringTeam</c>.</summary>
    [JsonPropertyName("hiringTeam")]
    public IReadOnlyList<HiringTeamMember>? HiringTeam { get; init; }

    /// <summary>Ashby's <c>author</c>.</summary>
    [JsonPropertyName("author")]
    public User? Author { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Ashby's <c>updatedAt</c>.</summary>
    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Ashby's <c>openedAt</c>.</summary>
    [JsonPropertyName("openedAt")]
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>Ashby's <c>closedAt</c>.</summary>
    [JsonPropertyName("closedAt")]
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Ashby's <c>location</c>.</summary>
    [JsonPropertyName("location")]
    public Location? Location { get; init; }

    /// <summary>Ashby's <c>openings</c>.</summary>
    [JsonPropertyName("openings")]
    public IReadOnlyList<Opening>? Openings { get; init; }

    /// <summary>Ashby's <c>compensation</c>.</summary>
    [JsonPropertyName("compensation")]
    public JobCompensation? Compensation { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
