using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A compensation tier.</summary>
public sealed partial class CompensationTier
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Ashby's <c>additionalInformation</c>.</summary>
    [JsonPropertyName("additionalInformation")]
    public string? AdditionalInformation { get; init; }

    /// <summary>Ashby's <c>components</c>.</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<JsonElement>? Components { get; init; }

    /// <summary>Ashby's <c>tierSummary</c>.</summary>
    [JsonPropertyName("tierSummary")]
    public string? TierSummary { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
