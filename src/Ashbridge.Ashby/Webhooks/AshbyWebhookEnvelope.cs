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
        ReadProperties(body, "action or id", (ref Utf8JsonReader reader) =>
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
        });
        return string.IsNullOrWhiteSpace(action) ? throw new FormatException("the body has no action") : new AshbyWebhookEnvelope(action, id);
    }

    /// <summary>
    /// The id of the object <c>data.&lt;<paramref name="property"/>&gt;</c> of a payload, read from the raw UTF-8 bytes with
    /// a forward-only reader: nothing is parsed into a document or copied (what <see cref="AshbyWebhookEvent.GetDataObjectId"/>
    /// answers, for a receiver that only needs to know which record an event is about).
    /// </summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="property">The name of the object in <c>data</c> (e.g. <c>application</c>, <c>deletedCandidate</c>).</param>
    /// <returns>The non-empty string id, or <see langword="null"/> when the data has no such object or it has no id.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is null or empty.</exception>
    /// <exception cref="FormatException">The body is not a single JSON object; the message says what is wrong.</exception>
    public static string? ReadDataObjectId(ReadOnlySpan<byte> body, string property)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        string? id = null;
        ReadProperties(body, $"data.{property}.id", (ref Utf8JsonReader reader) =>
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData)
            {
                id = reader.TokenType == JsonTokenType.StartObject ? ObjectId(ref reader, property) : null; // the last "data" counts, as in a document
            }

            reader.Skip(); // a value not read (a no-op on a primitive, or on the end of the data just read)
        });
        return id is { Length: > 0 } ? id : null;
    }

    /// <summary>Reads the properties of a payload's object with <paramref name="read"/> (given each name), checking all of it is JSON.</summary>
    private static void ReadProperties(ReadOnlySpan<byte> body, string what, PropertyReader read)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("the body is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                read(ref reader);
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
            throw new FormatException($"the body's {what} is not text ({ex.Message})", ex);
        }
    }

    /// <summary>Reads one property: the reader is on its name, and must be left on the last token of its value.</summary>
    private delegate void PropertyReader(ref Utf8JsonReader reader);

    /// <summary>From <c>data</c>'s start to its end: the string <c>id</c> of its object <paramref name="property"/>, if any.</summary>
    private static string? ObjectId(ref Utf8JsonReader reader, string property)
    {
        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isObject = reader.ValueTextEquals(property);
            reader.Read();
            if (!isObject || reader.TokenType != JsonTokenType.StartObject)
            {
                if (isObject) id = null;
                reader.Skip();
                continue;
            }

            id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId) id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }

        return id;
    }
}
