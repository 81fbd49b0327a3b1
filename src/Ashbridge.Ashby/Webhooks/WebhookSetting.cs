using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A webhook setting.</summary>
public sealed partial class WebhookSetting
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>enabled</c>.</summary>
    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }

    /// <summary>Ashby's <c>requestUrl</c>.</summary>
    [JsonPropertyName("requestUrl")]
    public required string RequestUrl { get; init; }

    /// <summary>Only returned by create and update, never by info.</summary>
    [JsonPropertyName("secretToken")]
    public string? SecretToken { get; init; }

    /// <summary>See <see cref="Webhooks.AshbyWebhookTypes"/>.</summary>
    [JsonPropertyName("webhookType")]
    public required string WebhookType { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
