using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>customField.info</c>.</summary>
public sealed partial class CustomFieldInfoRequest
{
    /// <summary>Ashby's <c>customFieldId</c>.</summary>
    [JsonPropertyName("customFieldId")]
    public required string CustomFieldId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
