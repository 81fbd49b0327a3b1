using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Sync;

/// <summary>
/// A page as the writer needs it: its rows and where the pass goes next. The client's page (its parsed document) is
/// released once the rows are extracted, so memory stays one page deep whatever the organisation's size.
/// </summary>
internal sealed record FetchedPage(IReadOnlyList<MirrorRow> Rows, bool IsLast, string? NextCursor, string? SyncToken)
{
    /// <summary>The rows of a page from the client's page stream, their JSON slices of its bytes, and where the pass goes next.</summary>
    public static FetchedPage Read(StreamDefinition stream, AshbyRawPage page) =>
        new(ReadRows(stream, page.Results, page.Utf8Json), page.IsLastPage, page.NextCursor, page.SyncToken);

    /// <summary>Extracts the rows of a <c>results</c> array, keeping the last copy of a repeated id.</summary>
    /// <param name="stream">The stream the rows belong to.</param>
    /// <param name="results">The array.</param>
    /// <param name="source">
    /// The bytes the array was parsed from, when the caller keeps them: each row's JSON is then a slice of them rather
    /// than a copy (a page's rows are most of the bytes the sync handles).
    /// </param>
    public static List<MirrorRow> ReadRows(StreamDefinition stream, JsonElement results, ReadOnlyMemory<byte> source = default)
    {
        var rows = new List<MirrorRow>(results.GetArrayLength());
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in results.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(AshbyFields.Id, out var idElement) || idElement.GetString() is not { Length: > 0 } id)
            {
                throw new InvalidDataException($"{stream.Endpoint} returned a row without an id.");
            }

            var values = new object?[stream.Columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = stream.Columns[i].Read(item);
            var raw = JsonMarshal.GetRawUtf8Value(item);
            var row = new MirrorRow(id, SliceOf(source, raw) ?? raw.ToArray(), RowHash.Of(raw), MirrorStreams.ReadTime(item, AshbyFields.UpdatedAt), values);
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
