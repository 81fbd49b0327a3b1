using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A social link of a candidate.</summary>
public sealed partial class SocialLink
{
    /// <summary>The type (see <see cref="SocialLinkType"/>).</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Ashby's <c>url</c>.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
