using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Sync;

/// <summary>
/// One mirror row read out of a page: Ashby's JSON as sent (UTF-8, usually a slice of the page's bytes), its hash, its
/// update time and the typed column values.
/// </summary>
internal sealed record MirrorRow(string Id, ReadOnlyMemory<byte> RawJson, long RawHash, long? UpdatedMs, object?[] Values);

/// <summary>
/// A page as the writer needs it: its rows and where the pass goes next. The JSON document is released once the rows
/// are extracted, so memory stays one page deep whatever the organisation's size.
/// </summary>
internal sealed record FetchedPage(IReadOnlyList<MirrorRow> Rows, bool IsLast, string? NextCursor, string? SyncToken)
{
    /// <summary>Where a parsed envelope says the pass goes next, read before its rows so the next request can be on its way.</summary>
    public static Paging PagingOf(StreamDefinition stream, JsonElement root)
    {
        var more = root.TryGetProperty("moreDataAvailable", out var m) && m.ValueKind == JsonValueKind.True;
        var cursor = root.TryGetProperty("nextCursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var token = root.TryGetProperty("syncToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (more && cursor is null)
        {
            throw new InvalidDataException($"{stream.Endpoint} said more data is available but gave no nextCursor.");
        }

        return new Paging(!more, cursor, token);
    }

    /// <summary>The page of a parsed envelope whose <paramref name="paging"/> was read already; its rows' JSON are slices of <paramref name="envelope"/>.</summary>
    public static FetchedPage Read(StreamDefinition stream, JsonElement root, ReadOnlyMemory<byte> envelope, Paging paging)
    {
        var rows = root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
            ? ReadRows(stream, results.EnumerateArray().ToList(), envelope)
            : [];
        return new FetchedPage(rows, paging.IsLast, paging.NextCursor, paging.SyncToken);
    }

    /// <summary>An envelope's paging: whether it is the last page, the cursor to the next one, and the last page's token.</summary>
    internal readonly record struct Paging(bool IsLast, string? NextCursor, string? SyncToken);

    /// <summary>Extracts the rows of a <c>results</c> array, keeping the last copy when a page repeats an id.</summary>
    public static List<MirrorRow> ReadRows(StreamDefinition stream, JsonElement results) =>
        results.ValueKind == JsonValueKind.Array ? ReadRows(stream, results.EnumerateArray().ToList()) : [];

    /// <summary>Extracts the rows of some elements of a <c>results</c> array, keeping the last copy of a repeated id.</summary>
    /// <param name="stream">The stream the rows belong to.</param>
    /// <param name="items">The elements.</param>
    /// <param name="source">
    /// The bytes the elements were parsed from, when the caller keeps them: each row's JSON is then a slice of them rather
    /// than a copy (a page's rows are most of the bytes the sync handles).
    /// </param>
    public static List<MirrorRow> ReadRows(StreamDefinition stream, IReadOnlyList<JsonElement> items, ReadOnlyMemory<byte> source = default)
    {
        var rows = new List<MirrorRow>(items.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idElement) || idElement.GetString() is not { Length: > 0 } id)
            {
                throw new InvalidDataException($"{stream.Endpoint} returned a row without an id.");
            }

            var values = new object?[stream.Columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = stream.Columns[i].Read(item);
            var raw = JsonMarshal.GetRawUtf8Value(item);
            var row = new MirrorRow(id, SliceOf(source, raw) ?? raw.ToArray(), RowHash.Of(raw), MirrorStreams.ReadTime(item, "updatedAt"), values);
            if (index.TryGetValue(id, out var at)) rows[at] = row;
            else
            {
                index[id] = rows.Count;
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary><paramref name="part"/> as a slice of <paramref name="source"/>, or null when it does not lie inside it.</summary>
    private static ReadOnlyMemory<byte>? SliceOf(ReadOnlyMemory<byte> source, ReadOnlySpan<byte> part)
    {
        if (source.IsEmpty || part.IsEmpty) return null;
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(source.Span), ref MemoryMarshal.GetReference(part));
        return offset >= 0 && offset + part.Length <= source.Length ? source.Slice((int)offset, part.Length) : null;
    }
}
