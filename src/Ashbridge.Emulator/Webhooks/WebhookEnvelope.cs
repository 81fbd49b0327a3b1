using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>The body Ashby posts: <c>{"webhookActionId": …, "action": …, "data": {…}}</c>.</summary>
internal static class WebhookEnvelope
{
    public const string PingAction = "ping";

    /// <summary>Serialises the envelope once; these exact bytes are signed, sent, and re-sent on every retry.</summary>
    public static byte[] Serialize(string webhookActionId, string action, JsonObject data)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("webhookActionId", webhookActionId);
            writer.WriteString("action", action);
            writer.WritePropertyName("data");
            data.WriteTo(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The ping sent when a webhook is created or edited.</summary>
    public static byte[] Ping(string webhookActionId) =>
        Serialize(webhookActionId, PingAction, new JsonObject { ["webhookActionType"] = PingAction });
}
