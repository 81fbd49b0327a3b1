using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An opening (approved headcount).</summary>
public sealed partial class Opening
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>openedAt</c>.</summary>
    [JsonPropertyName("openedAt")]
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>Ashby's <c>closedAt</c>.</summary>
    [JsonPropertyName("closedAt")]
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Ashby's <c>isArchived</c>.</summary>
    [JsonPropertyName("isArchived")]
    public bool? IsArchived { get; init; }

    /// <summary>Ashby's <c>archivedAt</c>.</summary>
    [JsonPropertyName("archivedAt")]
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>Ashby's <c>closeReasonId</c>.</summary>
    [JsonPropertyName("closeReasonId")]
    public string? CloseReasonId { get; init; }

    /// <summary>The state (see <see cref="OpeningState"/>).</summary>
    [JsonPropertyName("openingState")]
    public string? OpeningState { get; init; }

    /// <summary>Ashby's <c>latestVersion</c>.</summary>
    [JsonPropertyName("latestVersion")]
    public OpeningVersion? LatestVersion { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
