using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A history entry given to <c>application.create</c>.</summary>
public sealed partial class ApplicationHistoryInput
{
    /// <summary>Ashby's <c>stageId</c>.</summary>
    [JsonPropertyName("stageId")]
    public required string StageId { get; init; }

    /// <summary>Ashby's <c>stageNumber</c>.</summary>
    [JsonPropertyName("stageNumber")]
    public required int StageNumber { get; init; }

    /// <summary>Ashby's <c>enteredStageAt</c>.</summary>
    [JsonPropertyName("enteredStageAt")]
    public required DateTimeOffset EnteredStageAt { get; init; }

    /// <summary>Ashby's <c>archiveReasonId</c>.</summary>
    [JsonPropertyName("archiveReasonId")]
    public string? ArchiveReasonId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
