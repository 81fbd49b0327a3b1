using System.Threading.Channels;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Sync;

/// <summary>
/// A stream's pages as Ashby sends them, fetched in order by a task of their own while the writer stores earlier ones.
/// A run starts the streams' feeds when it starts (<see cref="StreamPass.FetchStart"/> says which), so a stream's first
/// pages are already there when its turn comes: an incremental pass is mostly one small page per stream, each of which
/// the run used to ask for and wait for in turn. Before its turn a paged feed fetches only <see cref="PagesBeforeTurn"/>
/// pages, so the large streams waiting their turn hold little; from then on it may run a transaction's worth ahead.
/// The paging itself (cursors, the token after the last page, a one-call answer cut into pages) is the client's
/// <see cref="AshbyClient.EnumerateRawPagesAsync"/>; the feed turns its pages into rows.
/// </summary>
internal sealed class PageFeed : IAsyncDisposable
{
    /// <summary>Pages a feed fetches before its stream's turn.</summary>
    public const int PagesBeforeTurn = 4;

    /// <summary>Rows a page holds: Ashby's largest <c>limit</c>, and how one-call answers are cut.</summary>
    internal const int PageSize = AshbyListRequest.MaxLimit;

    private readonly Channel<FetchedPage> _pages;
    private readonly CancellationTokenSource _stop;

    /// <summary>
    /// Before the stream's turn, its requests get no retries (the client's default for a read-ahead): when one fails, the
    /// client asks again (with them) when the turn comes. Against an unreachable Ashby every waiting stream would
    /// otherwise spend a whole retry budget at once, beside the stream whose turn it is, and the run stops at that
    /// stream anyway. Null when the feed started at its turn.
    /// </summary>
    private readonly AshbyReadAhead? _beforeTurn;
    private readonly Task _fetching;
    private int _disposed;

    private PageFeed(AshbyClient client, StreamDefinition stream, string? cursor, string? syncToken, int capacity, bool aheadOfTurn, CancellationToken cancellationToken)
    {
        Cursor = cursor;
        SyncToken = syncToken;
        _beforeTurn = aheadOfTurn ? new AshbyReadAhead(PagesBeforeTurn) : null;
        _pages = Channel.CreateBounded<FetchedPage>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _fetching = FetchAsync(client, stream, RequestFor(stream, cursor, syncToken, _beforeTurn), _stop.Token);
    }

    /// <summary>The cursor the feed started from (a resumed pass's), if any.</summary>
    public string? Cursor { get; }

    /// <summary>The token an incremental feed started from, if any.</summary>
    public string? SyncToken { get; }

    /// <summary>The pages in order; completes after the last one, or when the fetch fails (see <see cref="Completion"/>).</summary>
    public ChannelReader<FetchedPage> Pages => _pages.Reader;

    /// <summary>Ends when the fetch does; faults with its error, which belongs after the pages before it are stored.</summary>
    public Task Completion => _fetching;

    /// <summary>
    /// Starts fetching a paged stream from a cursor or token, or a stream read in one call (handed on in pages of 100
    /// rows); <paramref name="capacity"/> is how many pages it may hold unread. A feed started <paramref name="aheadOfTurn"/>
    /// fetches a few pages, without retries, until <see cref="TakeTurn"/>.
    /// </summary>
    public static PageFeed Start(AshbyClient client, StreamDefinition stream, string? cursor, string? syncToken, int capacity, CancellationToken cancellationToken, bool aheadOfTurn = false) =>
        stream.Fetch is MirrorFetch.Paged or MirrorFetch.OneCall
            ? new PageFeed(client, stream, cursor, syncToken, capacity, aheadOfTurn, cancellationToken)
            : throw new ArgumentException($"{stream.Name} is read one call per interview plan, not as pages.", nameof(stream));

    /// <summary>The stream's turn has come: the feed may fetch as far ahead as its capacity.</summary>
    public void TakeTurn() => _beforeTurn?.Release();

    /// <summary>Stops the fetch; its outcome no longer matters. The pass and the run that started the feed both may.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _fetching.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Cancelled, or failed on a page nobody will store: the pass that stopped it has its own error to report.
        }

        _stop.Dispose();
    }

    /// <summary>
    /// What a stream asks its endpoint for: a paged list 100 rows a page from its cursor or token; a stream without
    /// paging in one call, its answer handed on 100 rows a page (none has a cursor: a crash re-reads it from its start).
    /// </summary>
    internal static AshbyRawPageRequest RequestFor(StreamDefinition stream, string? cursor, string? syncToken, AshbyReadAhead? readAhead = null) =>
        stream.Fetch == MirrorFetch.OneCall
            ? new AshbyRawPageRequest { Parameters = stream.NewRequestBody(), ItemsPerPage = PageSize, ReadAhead = readAhead }
            : new AshbyRawPageRequest { Parameters = stream.NewRequestBody(), Limit = PageSize, Cursor = cursor, SyncToken = syncToken, ReadAhead = readAhead };

    /// <summary>
    /// Reads the pages in order. The client has sent the next request by the time it hands a page on, so Ashby works on
    /// the next page while this one's rows are read (their typed columns and hashes); the page's document goes back to
    /// the pool as soon as they are.
    /// </summary>
    private async Task FetchAsync(AshbyClient client, StreamDefinition stream, AshbyRawPageRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var page in client.EnumerateRawPagesAsync(stream.Endpoint, request, cancellationToken).ConfigureAwait(false))
            {
                FetchedPage fetched;
                using (page)
                {
                    fetched = FetchedPage.Read(stream, page);
                }

                await _pages.Writer.WriteAsync(fetched, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _pages.Writer.TryComplete();
        }
    }
}
