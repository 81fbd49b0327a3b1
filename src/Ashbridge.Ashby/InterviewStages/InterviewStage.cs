using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An interview stage.</summary>
public sealed partial class InterviewStage
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>See <see cref="InterviewStageType"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Ashby's <c>orderInInterviewPlan</c>.</summary>
    [JsonPropertyName("orderInInterviewPlan")]
    public int? OrderInInterviewPlan { get; init; }

    /// <summary>Ashby's <c>interviewStageGroupId</c>.</summary>
    [JsonPropertyName("interviewStageGroupId")]
    public string? InterviewStageGroupId { get; init; }

    /// <summary>Ashby's <c>interviewPlanId</c>.</summary>
    [JsonPropertyName("interviewPlanId")]
    public string? InterviewPlanId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
