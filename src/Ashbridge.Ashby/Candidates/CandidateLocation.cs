using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A candidate's location.</summary>
public sealed partial class CandidateLocation
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Ashby's <c>locationSummary</c>.</summary>
    [JsonPropertyName("locationSummary")]
    public string? LocationSummary { get; init; }

    /// <summary>Ashby's <c>locationComponents</c>.</summary>
    [JsonPropertyName("locationComponents")]
    public IReadOnlyList<CandidateLocationComponent>? LocationComponents { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
