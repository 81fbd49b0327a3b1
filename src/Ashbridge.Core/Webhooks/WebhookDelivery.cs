using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// The envelope of a delivery: <c>{"webhookActionId", "action", "data"}</c>. A signed body that is not such an
/// envelope cannot be retried into shape, so it is kept as a dead letter under a key made from its bytes.
/// </summary>
public sealed record WebhookDelivery(string Action, string WebhookActionId, string? Problem)
{
    /// <summary>The action Ashby sends when a webhook is created or edited.</summary>
    public const string Ping = "ping";

    /// <summary>The action recorded for a body that is not a readable envelope.</summary>
    public const string Unreadable = "(unreadable)";

    /// <summary>Reads the envelope's action and id.</summary>
    public static WebhookDelivery Read(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Malformed(body, "the body is not a JSON object");
            var action = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var id = root.TryGetProperty("webhookActionId", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            if (string.IsNullOrWhiteSpace(action)) return Malformed(body, "the body has no action");
            // Pings may come without an id; each is kept once by its bytes.
            if (string.IsNullOrWhiteSpace(id)) return action == Ping ? new WebhookDelivery(Ping, ContentKey(body), null) : Malformed(body, "the body has no webhookActionId");
            return new WebhookDelivery(action, id, null);
        }
        catch (JsonException ex)
        {
            return Malformed(body, $"the body is not JSON ({ex.Message})");
        }
    }

    private static WebhookDelivery Malformed(ReadOnlySpan<byte> body, string problem) => new(Unreadable, ContentKey(body), problem);

    private static string ContentKey(ReadOnlySpan<byte> body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The body as text for storage (Ashby sends UTF-8 JSON).</summary>
    public static string Text(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body);
}
