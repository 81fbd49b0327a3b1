using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>webhook.create</c>.</summary>
public sealed partial class WebhookCreateRequest
{
    /// <summary>See <see cref="Webhooks.AshbyWebhookTypes"/>.</summary>
    [JsonPropertyName("webhookType")]
    public required string WebhookType { get; init; }

    /// <summary>Ashby's <c>requestUrl</c>.</summary>
    [JsonPropertyName("requestUrl")]
    public required string RequestUrl { get; init; }

    /// <summary>Ashby's <c>secretToken</c>.</summary>
    [JsonPropertyName("secretToken")]
    public required string SecretToken { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
