using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A phone number entry of a candidate.</summary>
public sealed partial class PhoneNumber
{
    /// <summary>Ashby's <c>value</c>.</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>The type (see <see cref="ContactType"/>).</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Ashby's <c>isPrimary</c>.</summary>
    [JsonPropertyName("isPrimary")]
    public required bool IsPrimary { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
