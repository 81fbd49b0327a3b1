using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>webhook.info</c>.</summary>
public sealed partial class WebhookInfoRequest
{
    /// <summary>Ashby's <c>webhookId</c>.</summary>
    [JsonPropertyName("webhookId")]
    public required string WebhookId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
