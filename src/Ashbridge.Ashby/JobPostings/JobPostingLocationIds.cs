using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A posting's location ids.</summary>
public sealed partial class JobPostingLocationIds
{
    /// <summary>Ashby's <c>primaryLocationId</c>.</summary>
    [JsonPropertyName("primaryLocationId")]
    public string? PrimaryLocationId { get; init; }

    /// <summary>Ashby's <c>secondaryLocationIds</c>.</summary>
    [JsonPropertyName("secondaryLocationIds")]
    public IReadOnlyList<string>? SecondaryLocationIds { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
