using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A job posting as <c>jobPosting.list</c> and the posting webhooks send it.</summary>
public sealed partial class JobPostingSummary
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Ashby's <c>jobId</c>.</summary>
    [JsonPropertyName("jobId")]
    public required string JobId { get; init; }

    /// <summary>Ashby's <c>departmentName</c>.</summary>
    [JsonPropertyName("departmentName")]
    public string? DepartmentName { get; init; }

    /// <summary>Ashby's <c>teamName</c>.</summary>
    [JsonPropertyName("teamName")]
    public string? TeamName { get; init; }

    /// <summary>Ashby's <c>locationName</c>.</summary>
    [JsonPropertyName("locationName")]
    public string? LocationName { get; init; }

    /// <summary>Ashby's <c>locationIds</c>.</summary>
    [JsonPropertyName("locationIds")]
    public JobPostingLocationIds? LocationIds { get; init; }

    /// <summary>Ashby's <c>workplaceType</c>.</summary>
    [JsonPropertyName("workplaceType")]
    public string? WorkplaceType { get; init; }

    /// <summary>Ashby's <c>employmentType</c>.</summary>
    [JsonPropertyName("employmentType")]
    public string? EmploymentType { get; init; }

    /// <summary>Ashby's <c>isListed</c>.</summary>
    [JsonPropertyName("isListed")]
    public required bool IsListed { get; init; }

    /// <summary>Ashby's <c>publishedDate</c>.</summary>
    [JsonPropertyName("publishedDate")]
    public string? PublishedDate { get; init; }

    /// <summary>Ashby's <c>applicationDeadline</c>.</summary>
    [JsonPropertyName("applicationDeadline")]
    public string? ApplicationDeadline { get; init; }

    /// <summary>Ashby's <c>externalLink</c>.</summary>
    [JsonPropertyName("externalLink")]
    public string? ExternalLink { get; init; }

    /// <summary>Ashby's <c>applyLink</c>.</summary>
    [JsonPropertyName("applyLink")]
    public string? ApplyLink { get; init; }

    /// <summary>Ashby's <c>compensationTierSummary</c>.</summary>
    [JsonPropertyName("compensationTierSummary")]
    public string? CompensationTierSummary { get; init; }

    /// <summary>Ashby's <c>shouldDisplayCompensationOnJobBoard</c>.</summary>
    [JsonPropertyName("shouldDisplayCompensationOnJobBoard")]
    public bool? ShouldDisplayCompensationOnJobBoard { get; init; }

    /// <summary>Ashby's <c>updatedAt</c>.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
