using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A location given when creating or updating a candidate.</summary>
public sealed partial class CandidateLocationInput
{
    /// <summary>Ashby's <c>city</c>.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>Ashby's <c>region</c>.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Ashby's <c>country</c>.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
