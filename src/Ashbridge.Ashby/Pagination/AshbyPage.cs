namespace Ashbridge.Ashby;

/// <summary>One page of a paginated Ashby list.</summary>
/// <typeparam name="T">The item type (a model, or <see cref="System.Text.Json.JsonElement"/> for raw pages).</typeparam>
public sealed class AshbyPage<T>
{
    /// <summary>Creates a page (public so test doubles can build pages).</summary>
    /// <param name="results">The items.</param>
    /// <param name="moreDataAvailable">Whether another page follows.</param>
    /// <param name="nextCursor">The cursor of the next page.</param>
    /// <param name="syncToken">The new sync token (only on the last page).</param>
    /// <param name="warnings">The envelope's warnings.</param>
    public AshbyPage(IReadOnlyList<T> results, bool moreDataAvailable, string? nextCursor, string? syncToken, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results;
        MoreDataAvailable = moreDataAvailable;
        NextCursor = nextCursor;
        SyncToken = syncToken;
        Warnings = warnings ?? [];
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Results { get; }

    /// <summary>Whether another page follows (Ashby's <c>moreDataAvailable</c>).</summary>
    public bool MoreDataAvailable { get; }

    /// <summary>The cursor to request the next page with (Ashby's <c>nextCursor</c>).</summary>
    public string? NextCursor { get; }

    /// <summary>
    /// The new sync token. In <c>EnumeratePagesAsync</c> and sync sessions it is only set on the last page;
    /// store it only after that page has been processed.
    /// </summary>
    public string? SyncToken { get; }

    /// <summary>The envelope's <c>warnings</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Whether this is the last page of the pass.</summary>
    public bool IsLastPage => !MoreDataAvailable;
}
