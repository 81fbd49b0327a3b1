using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A postal address.</summary>
public sealed partial class PostalAddress
{
    /// <summary>Ashby's <c>addressCountry</c>.</summary>
    [JsonPropertyName("addressCountry")]
    public string? AddressCountry { get; init; }

    /// <summary>Ashby's <c>addressRegion</c>.</summary>
    [JsonPropertyName("addressRegion")]
    public string? AddressRegion { get; init; }

    /// <summary>Ashby's <c>addressLocality</c>.</summary>
    [JsonPropertyName("addressLocality")]
    public string? AddressLocality { get; init; }

    /// <summary>Ashby's <c>postalCode</c>.</summary>
    [JsonPropertyName("postalCode")]
    public string? PostalCode { get; init; }

    /// <summary>Ashby's <c>streetAddress</c>.</summary>
    [JsonPropertyName("streetAddress")]
    public string? StreetAddress { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
