using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>application.changeStage</c>.</summary>
public sealed partial class ApplicationChangeStageRequest
{
    /// <summary>Ashby's <c>applicationId</c>.</summary>
    [JsonPropertyName("applicationId")]
    public required string ApplicationId { get; init; }

    /// <summary>Ashby's <c>interviewStageId</c>.</summary>
    [JsonPropertyName("interviewStageId")]
    public required string InterviewStageId { get; init; }

    /// <summary>Required when the target stage is Archived.</summary>
    [JsonPropertyName("archiveReasonId")]
    public string? ArchiveReasonId { get; init; }

    /// <summary>Ashby's <c>archiveEmail</c>.</summary>
    [JsonPropertyName("archiveEmail")]
    public ArchiveEmail? ArchiveEmail { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
