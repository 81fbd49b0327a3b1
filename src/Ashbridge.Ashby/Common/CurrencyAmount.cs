using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An amount of money (<c>{currencyCode, value}</c>).</summary>
public sealed partial class CurrencyAmount
{
    /// <summary>The ISO 4217 currency code.</summary>
    [JsonPropertyName("currencyCode")]
    public required string CurrencyCode { get; init; }

    /// <summary>The amount.</summary>
    [JsonPropertyName("value")]
    public required decimal Value { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
