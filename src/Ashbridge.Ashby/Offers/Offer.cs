using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An offer with its latest version.</summary>
public sealed partial class Offer
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>decidedAt</c>.</summary>
    [JsonPropertyName("decidedAt")]
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Ashby's <c>applicationId</c>.</summary>
    [JsonPropertyName("applicationId")]
    public required string ApplicationId { get; init; }

    /// <summary>See <see cref="OfferAcceptanceStatus"/>.</summary>
    [JsonPropertyName("acceptanceStatus")]
    public required string AcceptanceStatus { get; init; }

    /// <summary>See <see cref="OfferStatus"/>.</summary>
    [JsonPropertyName("offerStatus")]
    public string? OfferStatus { get; init; }

    /// <summary>Ashby's <c>latestVersion</c>.</summary>
    [JsonPropertyName("latestVersion")]
    public OfferVersion? LatestVersion { get; init; }

    /// <summary>Only on <c>offer.info</c>.</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<OfferVersion>? Versions { get; init; }

    /// <summary>Ashby's <c>formDefinition</c>.</summary>
    [JsonPropertyName("formDefinition")]
    public JsonElement? FormDefinition { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
