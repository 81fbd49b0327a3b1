using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A survey form collected with an application (e.g. EEOC or diversity questions).</summary>
public sealed partial class SurveyFormDefinition
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>organizationId</c>.</summary>
    [JsonPropertyName("organizationId")]
    public string? OrganizationId { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Ashby's <c>isArchived</c>.</summary>
    [JsonPropertyName("isArchived")]
    public bool? IsArchived { get; init; }

    /// <summary>Whether this is the organization's default form.</summary>
    [JsonPropertyName("isDefaultForm")]
    public bool? IsDefaultForm { get; init; }

    /// <summary>The form's sections.</summary>
    [JsonPropertyName("formDefinition")]
    public FormDefinition? FormDefinition { get; init; }

    /// <summary><c>CandidateDataConsent</c>, <c>CandidateExperience</c>, <c>Diversity</c>, <c>EEOC</c> or <c>Questionnaire</c>.</summary>
    [JsonPropertyName("surveyType")]
    public string? SurveyType { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
