using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An address wrapper (<c>{postalAddress}</c>).</summary>
public sealed partial class Address
{
    /// <summary>Ashby's <c>postalAddress</c>.</summary>
    [JsonPropertyName("postalAddress")]
    public PostalAddress? PostalAddress { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
