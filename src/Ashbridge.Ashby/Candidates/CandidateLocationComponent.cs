using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>One component of a candidate's location.</summary>
public sealed partial class CandidateLocationComponent
{
    /// <summary>Country, Region or City (see <see cref="CandidateLocationComponentType"/>).</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Ashby's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
