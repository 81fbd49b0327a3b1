using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>One part of a posting description.</summary>
public sealed partial class DescriptionPart
{
    /// <summary>Ashby's <c>html</c>.</summary>
    [JsonPropertyName("html")]
    public string? Html { get; init; }

    /// <summary>Ashby's <c>plain</c>.</summary>
    [JsonPropertyName("plain")]
    public string? Plain { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
