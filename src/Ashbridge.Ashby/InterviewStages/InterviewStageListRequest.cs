using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>interviewStage.list</c>.</summary>
public sealed partial class InterviewStageListRequest
{
    /// <summary>Ashby's <c>interviewPlanId</c>.</summary>
    [JsonPropertyName("interviewPlanId")]
    public required string InterviewPlanId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
