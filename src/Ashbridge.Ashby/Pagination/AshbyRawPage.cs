using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>
/// One page of <see cref="AshbyClient.EnumerateRawPagesAsync"/>: its items as JSON, straight over the bytes Ashby sent,
/// and its paging. The parsed document's index is pooled: dispose the page once its items are read. The bytes are the
/// page's own (never reused), so slices of <see cref="Utf8Json"/> may be kept after disposal.
/// </summary>
public sealed class AshbyRawPage : IDisposable
{
    private readonly JsonDocument _document;
    private readonly JsonElement _results;

    /// <summary>Creates a page over a JSON array of items (public so test doubles can build pages).</summary>
    /// <param name="utf8Results">The items, as a UTF-8 JSON array; not copied.</param>
    /// <param name="moreDataAvailable">Whether another page follows.</param>
    /// <param name="nextCursor">The cursor of the next page.</param>
    /// <param name="syncToken">The new sync token (only on the last page).</param>
    /// <exception cref="JsonException"><paramref name="utf8Results"/> is not JSON.</exception>
    /// <exception cref="ArgumentException"><paramref name="utf8Results"/> is not a JSON array.</exception>
    public AshbyRawPage(ReadOnlyMemory<byte> utf8Results, bool moreDataAvailable, string? nextCursor, string? syncToken)
        : this(ParseArray(utf8Results), utf8Results, moreDataAvailable, nextCursor, syncToken)
    {
    }

    private AshbyRawPage(JsonDocument array, ReadOnlyMemory<byte> utf8Json, bool moreDataAvailable, string? nextCursor, string? syncToken)
        : this(array, array.RootElement, utf8Json, moreDataAvailable, nextCursor, syncToken)
    {
    }

    internal AshbyRawPage(JsonDocument document, JsonElement results, ReadOnlyMemory<byte> utf8Json, bool moreDataAvailable, string? nextCursor, string? syncToken)
    {
        _document = document;
        _results = results;
        Utf8Json = utf8Json;
        MoreDataAvailable = moreDataAvailable;
        NextCursor = nextCursor;
        SyncToken = syncToken;
    }

    /// <summary>
    /// The bytes <see cref="Results"/> was parsed from: the response envelope as received, or for a page cut from a
    /// one-call answer (<see cref="AshbyRawPageRequest.ItemsPerPage"/>) its items as a JSON array. Each item's raw JSON
    /// (<see cref="System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value"/>) lies inside them.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>The page's items (a JSON array, empty when Ashby sent none); valid until the page is disposed.</summary>
    public JsonElement Results => _results;

    /// <summary>Whether another page follows (Ashby's <c>moreDataAvailable</c>).</summary>
    public bool MoreDataAvailable { get; }

    /// <summary>The cursor to resume from after this page; <see langword="null"/> on the last page and inside a one-call answer.</summary>
    public string? NextCursor { get; }

    /// <summary>The new sync token: only on the last page, so store it only once that page is stored.</summary>
    public string? SyncToken { get; }

    /// <summary>Whether this is the last page of the pass.</summary>
    public bool IsLastPage => !MoreDataAvailable;

    private static JsonDocument ParseArray(ReadOnlyMemory<byte> utf8Results)
    {
        var document = JsonDocument.Parse(utf8Results);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new ArgumentException("The results must be a JSON array.", nameof(utf8Results));
        }

        return document;
    }

    /// <summary>Returns the parsed document's pooled memory; <see cref="Results"/> is unusable afterwards.</summary>
    public void Dispose() => _document.Dispose();
}
