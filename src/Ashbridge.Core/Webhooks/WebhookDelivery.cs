using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Ashbridge.Ashby.Webhooks;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// The envelope of a delivery: <c>{"webhookActionId", "action", "data"}</c>. A signed body that is not such an
/// envelope cannot be retried into shape, so it is kept as a dead letter under a key made from its bytes. Whatever it
/// holds must then be storable: a body that is not valid UTF-8, or holds a NUL (which PostgreSQL's text refuses), is kept
/// base64-encoded, and an action or id longer than its column is a problem, not a database error (which answered 503,
/// and Ashby sent the same bytes again ten times).
/// </summary>
public sealed record WebhookDelivery(string Action, string WebhookActionId, string? Problem)
{
    /// <summary>The action Ashby sends when a webhook is created or edited.</summary>
    public const string Ping = AshbyWebhookTypes.Ping;

    /// <summary>The action recorded for a body that is not a readable envelope.</summary>
    public const string Unreadable = "(unreadable)";

    /// <summary>What <see cref="Text"/> puts before a body it had to store base64-encoded.</summary>
    public const string Base64Prefix = "base64:";

    /// <summary>The longest action the inbox stores (its column's size).</summary>
    public const int MaxActionLength = 100;

    /// <summary>The longest webhookActionId the inbox stores (its column's size).</summary>
    public const int MaxIdLength = 200;

    /// <summary>Reads the envelope's action and id with the client's reader (<see cref="AshbyWebhookEnvelope"/>), and what the inbox can store.</summary>
    public static WebhookDelivery Read(ReadOnlySpan<byte> body)
    {
        if (InvalidUtf8At(body) is { } invalid) return Malformed(body, $"the body is not valid UTF-8 (from byte {invalid}); it is kept base64-encoded");
        if (body.IndexOf((byte)0) is var nul and >= 0) return Malformed(body, $"the body holds a NUL byte (byte {nul}), so it is not JSON; it is kept base64-encoded");
        AshbyWebhookEnvelope envelope;
        try
        {
            envelope = AshbyWebhookEnvelope.Read(body);
        }
        catch (FormatException ex)
        {
            return Malformed(body, ex.Message);
        }

        var (action, id) = envelope;
        if (action.Length > MaxActionLength || action.Contains('\0', StringComparison.Ordinal)) return Malformed(body, $"the action is not a name of up to {MaxActionLength} characters");
        if (id?.Length > MaxIdLength || id?.Contains('\0', StringComparison.Ordinal) == true) return Malformed(body, $"the webhookActionId is not an id of up to {MaxIdLength} characters");
        // Pings may come without an id; each is kept once by its bytes.
        if (string.IsNullOrWhiteSpace(id)) return action == Ping ? new WebhookDelivery(Ping, ContentKey(body), null) : Malformed(body, "the body has no webhookActionId");
        return new WebhookDelivery(action, id, null);
    }

    private static WebhookDelivery Malformed(ReadOnlySpan<byte> body, string problem) => new(Unreadable, ContentKey(body), problem);

    private static string ContentKey(ReadOnlySpan<byte> body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// The body as text for storage (Ashby sends UTF-8 JSON); bytes that are not valid UTF-8, or hold a NUL, as
    /// <see cref="Base64Prefix"/> and their base64, so the stored text gives back exactly what was signed.
    /// </summary>
    public static string Text(ReadOnlySpan<byte> body) =>
        InvalidUtf8At(body) is null && !body.Contains((byte)0) ? Encoding.UTF8.GetString(body) : Base64Prefix + Convert.ToBase64String(body);

    /// <summary>Where the first byte that is not valid UTF-8 is, or null when they all are.</summary>
    private static int? InvalidUtf8At(ReadOnlySpan<byte> body)
    {
        if (Utf8.IsValid(body)) return null;
        var chars = new char[body.Length];
        Utf8.ToUtf16(body, chars, out var read, out _, replaceInvalidSequences: false);
        return read;
    }
}
