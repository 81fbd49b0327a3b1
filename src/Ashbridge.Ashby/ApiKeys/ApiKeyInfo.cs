using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>The result of <c>apiKey.info</c>.</summary>
public sealed partial class ApiKeyInfo
{
    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Scopes such as <c>candidates:read</c>.</summary>
    [JsonPropertyName("scopes")]
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
