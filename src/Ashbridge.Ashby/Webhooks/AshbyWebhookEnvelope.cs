using System.Text.Json;

namespace Ashbridge.Ashby.Webhooks;

/// <summary>
/// The identity of a webhook payload, <c>action</c> and <c>webhookActionId</c>, read from the raw UTF-8 bytes with a
/// forward-only reader: the <c>data</c> object is checked to be JSON but never materialised, so a receiver can decide
/// what a delivery is (and de-duplicate it) before, or instead of, parsing it with <see cref="AshbyWebhookEvent"/>.
/// </summary>
/// <param name="Action">The webhook type (see <see cref="AshbyWebhookTypes"/>).</param>
/// <param name="WebhookActionId">The event id (the same across retries), or <see langword="null"/> when absent (pings may omit it).</param>
public sealed record AshbyWebhookEnvelope(string Action, string? WebhookActionId)
{
    /// <summary>Reads the envelope of a payload. Verify the signature on the same bytes first.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The action and id.</returns>
    /// <exception cref="FormatException">
    /// The body is not a single JSON object with a non-blank string <c>action</c>; the message says what is wrong.
    /// </exception>
    public static AshbyWebhookEnvelope Read(ReadOnlySpan<byte> body)
    {
        string? action = null;
        string? id = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("the body is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAction = reader.ValueTextEquals("action"u8);
                var isId = !isAction && reader.ValueTextEquals("webhookActionId"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isAction || isId))
                {
                    if (isAction) action = reader.GetString();
                    else id = reader.GetString();
                }
                else
                {
                    if (isAction) action = null;
                    if (isId) id = null;
                    reader.Skip(); // checks the nested JSON without keeping it
                }
            }

            reader.Read(); // past the object: the reader refuses anything but whitespace after it
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the body is not JSON ({ex.Message})", ex);
        }
        catch (InvalidOperationException ex)
        {
            // A string escape that is no text (a lone surrogate, say) is found only when the string is read.
            throw new FormatException($"the body's action or id is not text ({ex.Message})", ex);
        }

        return string.IsNullOrWhiteSpace(action) ? throw new FormatException("the body has no action") : new AshbyWebhookEnvelope(action, id);
    }
}
