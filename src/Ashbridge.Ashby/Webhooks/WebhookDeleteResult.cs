using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>The result of <c>webhook.delete</c>.</summary>
public sealed partial class WebhookDeleteResult
{
    /// <summary>Ashby's <c>webhookId</c>.</summary>
    [JsonPropertyName("webhookId")]
    public string? WebhookId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
