using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>webhook.update</c> (at least one change).</summary>
public sealed partial class WebhookUpdateRequest
{
    /// <summary>Ashby's <c>webhookId</c>.</summary>
    [JsonPropertyName("webhookId")]
    public required string WebhookId { get; init; }

    /// <summary>Ashby's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Ashby's <c>requestUrl</c>.</summary>
    [JsonPropertyName("requestUrl")]
    public string? RequestUrl { get; init; }

    /// <summary>Ashby's <c>secretToken</c>.</summary>
    [JsonPropertyName("secretToken")]
    public string? SecretToken { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
