using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>application.create</c>.</summary>
public sealed partial class ApplicationCreateRequest
{
    /// <summary>Ashby's <c>candidateId</c>.</summary>
    [JsonPropertyName("candidateId")]
    public required string CandidateId { get; init; }

    /// <summary>Ashby's <c>jobId</c>.</summary>
    [JsonPropertyName("jobId")]
    public required string JobId { get; init; }

    /// <summary>Ashby's <c>interviewPlanId</c>.</summary>
    [JsonPropertyName("interviewPlanId")]
    public string? InterviewPlanId { get; init; }

    /// <summary>Ashby's <c>interviewStageId</c>.</summary>
    [JsonPropertyName("interviewStageId")]
    public string? InterviewStageId { get; init; }

    /// <summary>Ashby's <c>sourceId</c>.</summary>
    [JsonPropertyName("sourceId")]
    public string? SourceId { get; init; }

    /// <summary>Ashby's <c>creditedToUserId</c>.</summary>
    [JsonPropertyName("creditedToUserId")]
    public string? CreditedToUserId { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Ashby's <c>applicationHistory</c>.</summary>
    [JsonPropertyName("applicationHistory")]
    public IReadOnlyList<ApplicationHistoryInput>? ApplicationHistory { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
