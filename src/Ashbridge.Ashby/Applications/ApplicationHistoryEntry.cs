using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>One stage visit in an application's history.</summary>
public sealed partial class ApplicationHistoryEntry
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>stageId</c>.</summary>
    [JsonPropertyName("stageId")]
    public required string StageId { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Ashby's <c>enteredStageAt</c>.</summary>
    [JsonPropertyName("enteredStageAt")]
    public required DateTimeOffset EnteredStageAt { get; init; }

    /// <summary>Ashby's <c>leftStageAt</c>.</summary>
    [JsonPropertyName("leftStageAt")]
    public DateTimeOffset? LeftStageAt { get; init; }

    /// <summary>Ashby's <c>stageNumber</c>.</summary>
    [JsonPropertyName("stageNumber")]
    public int? StageNumber { get; init; }

    /// <summary>Ashby's <c>allowedActions</c>.</summary>
    [JsonPropertyName("allowedActions")]
    public IReadOnlyList<string>? AllowedActions { get; init; }

    /// <summary>Ashby's <c>actorId</c>.</summary>
    [JsonPropertyName("actorId")]
    public string? ActorId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
