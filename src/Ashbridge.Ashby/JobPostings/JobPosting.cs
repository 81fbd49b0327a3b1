using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A job posting as <c>jobPosting.info</c> sends it (with descriptions, address, compensation).</summary>
public sealed partial class JobPosting
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

    /// <summary>Ashby's <c>descriptionPlain</c>.</summary>
    [JsonPropertyName("descriptionPlain")]
    public string? DescriptionPlain { get; init; }

    /// <summary>Ashby's <c>descriptionHtml</c>.</summary>
    [JsonPropertyName("descriptionHtml")]
    public string? DescriptionHtml { get; init; }

    /// <summary>Ashby's <c>descriptionSocial</c>.</summary>
    [JsonPropertyName("descriptionSocial")]
    public string? DescriptionSocial { get; init; }

    /// <summary>Ashby's <c>descriptionParts</c>.</summary>
    [JsonPropertyName("descriptionParts")]
    public JobPostingDescriptionParts? DescriptionParts { get; init; }

    /// <summary>Ashby's <c>teamNameHierarchy</c>.</summary>
    [JsonPropertyName("teamNameHierarchy")]
    public IReadOnlyList<string>? TeamNameHierarchy { get; init; }

    /// <summary>Ashby's <c>linkedData</c>.</summary>
    [JsonPropertyName("linkedData")]
    public JsonElement? LinkedData { get; init; }

    /// <summary>Ashby's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public Address? Address { get; init; }

    /// <summary>Ashby's <c>isRemote</c>.</summary>
    [JsonPropertyName("isRemote")]
    public bool? IsRemote { get; init; }

    /// <summary>The application form: its sections and fields, each field's <see cref="FormField.Path"/> being the key of its answer.</summary>
    [JsonPropertyName("applicationFormDefinition")]
    public FormDefinition? ApplicationFormDefinition { get; init; }

    /// <summary>Ashby's <c>applicationFormDefinitionId</c>.</summary>
    [JsonPropertyName("applicationFormDefinitionId")]
    public string? ApplicationFormDefinitionId { get; init; }

    /// <summary>Survey forms collected alongside the application form (e.g. EEOC).</summary>
    [JsonPropertyName("surveyFormDefinitions")]
    public IReadOnlyList<SurveyFormDefinition>? SurveyFormDefinitions { get; init; }

    /// <summary>Ashby's <c>suppressDescriptionOpening</c>.</summary>
    [JsonPropertyName("suppressDescriptionOpening")]
    public bool? SuppressDescriptionOpening { get; init; }

    /// <summary>Ashby's <c>suppressDescriptionClosing</c>.</summary>
    [JsonPropertyName("suppressDescriptionClosing")]
    public bool? SuppressDescriptionClosing { get; init; }

    /// <summary>Ashby's <c>compensation</c>.</summary>
    [JsonPropertyName("compensation")]
    public JobPostingCompensation? Compensation { get; init; }

    /// <summary>Ashby's <c>applicationLimitCalloutHtml</c>.</summary>
    [JsonPropertyName("applicationLimitCalloutHtml")]
    public string? ApplicationLimitCalloutHtml { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
