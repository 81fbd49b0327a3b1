using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>offer.info</c>.</summary>
public sealed partial class OfferInfoRequest
{
    /// <summary>Ashby's <c>offerId</c>.</summary>
    [JsonPropertyName("offerId")]
    public required string OfferId { get; init; }

    /// <summary>Ashby's <c>excludeFormDefinition</c>.</summary>
    [JsonPropertyName("excludeFormDefinition")]
    public bool? ExcludeFormDefinition { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
