using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>A successful envelope: the body as received, parsed only when something reads it as JSON.</summary>
internal sealed class AshbyEnvelope
{
    private JsonElement? _root;

    public AshbyEnvelope(byte[] body) => Body = body;

    public AshbyEnvelope(JsonElement root)
    {
        Body = [];
        _root = root;
    }

    public byte[] Body { get; }

    /// <summary>
    /// The parsed body. The sync reads its pages straight from <see cref="Body"/>, so parsing here (and keeping a
    /// second copy) would double the work and the memory of every page; the document stays alive with the element.
    /// </summary>
    public JsonElement Root => _root ??= JsonDocument.Parse(Body).RootElement;

    public JsonElement Results => Root.TryGetProperty("results", out var r) ? r : default;

    public bool MoreDataAvailable =>
        Root.TryGetProperty("moreDataAvailable", out var m) && m.ValueKind == JsonValueKind.True;

    public string? NextCursor => GetString("nextCursor");

    public string? SyncToken => GetString("syncToken");

    public IReadOnlyList<string> Warnings
    {
        get
        {
            if (!Root.TryGetProperty("warnings", out var w) || w.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var list = new List<string>();
            foreach (var item in w.EnumerateArray())
            {
                list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
            }

            return list;
        }
    }

    /// <summary>
    /// Whether <paramref name="body"/> is a JSON object whose top-level <c>success</c> is <see langword="true"/>,
    /// read token by token without building a document (the results are skipped, not materialised).
    /// </summary>
    public static bool IsSuccess(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSuccess = reader.ValueTextEquals("success"u8);
                if (!reader.Read()) return false;
                if (isSuccess) return reader.TokenType == JsonTokenType.True;
                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private string? GetString(string name) =>
        Root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
