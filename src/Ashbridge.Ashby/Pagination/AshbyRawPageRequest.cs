using System.Text.Json.Nodes;

namespace Ashbridge.Ashby;

/// <summary>
/// What <see cref="AshbyClient.EnumerateRawPagesAsync"/> asks an endpoint for: fixed parameters, where the pass starts
/// (a cursor, a sync token, or the beginning) and how requests are made.
/// </summary>
public sealed class AshbyRawPageRequest
{
    /// <summary>
    /// Fixed body fields sent with every request (filters such as <c>includeArchived</c>); <c>limit</c>, <c>cursor</c>
    /// and <c>syncToken</c> in it are ignored (use the properties below). Read as each request is sent: do not change it
    /// while the pages are enumerated.
    /// </summary>
    public JsonObject? Parameters { get; init; }

    /// <summary>The page size sent as <c>limit</c> (1–100); <see langword="null"/> sends none (for endpoints that answer in one call).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–100.</exception>
    public int? Limit
    {
        get;
        init
        {
            if (value is < 1 or > AshbyListRequest.MaxLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(Limit), value, "Ashby pages hold at most 100 items; use a limit between 1 and 100.");
            }

            field = value;
        }
    }

    /// <summary>
    /// The cursor to resume a pass from (a <c>nextCursor</c> stored after an earlier page). A request with a cursor sends
    /// it alone, without <see cref="SyncToken"/>: the cursor belongs to the pass, incremental or full, that produced it.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>A stored sync token: the first request (without <see cref="Cursor"/>) asks only for what changed since.</summary>
    public string? SyncToken { get; init; }

    /// <summary>
    /// Hands each answer's <c>results</c> on in pages of at most this many items, for endpoints that answer in one call
    /// with everything (<c>jobPosting.list</c>, <c>source.list</c>…). The answer is not parsed whole: each page's items
    /// are copied out as a JSON array of their own and parsed when that page is reached. Only an answer's last such page
    /// carries its paging; the others say more data follows, without a cursor.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? ItemsPerPage
    {
        get;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ItemsPerPage), value, "A page holds at least one item.");
            }

            field = value;
        }
    }

    /// <summary>Per-call options for every request (after any <see cref="ReadAhead"/> is released).</summary>
    public AshbyRequestOptions? Options { get; init; }

    /// <summary>
    /// Lets the stream fetch a few pages before its consumer is ready for them, with cheaper requests, and holds the
    /// rest until <see cref="AshbyReadAhead.Release"/>; <see langword="null"/> fetches freely.
    /// </summary>
    public AshbyReadAhead? ReadAhead { get; init; }
}
