using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>opening.info</c>.</summary>
public sealed partial class OpeningInfoRequest
{
    /// <summary>Ashby's <c>openingId</c>.</summary>
    [JsonPropertyName("openingId")]
    public required string OpeningId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
