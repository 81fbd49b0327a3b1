using System.Text.Json;
using System.Threading.Channels;
using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Sync;

/// <summary>
/// A stream's pages as Ashby sends them, fetched in order by a task of their own while the writer stores earlier ones.
/// A run starts the streams' feeds when it starts (<see cref="StreamPass.FetchStart"/> says which), so a stream's first
/// pages are already there when its turn comes: an incremental pass is mostly one small page per stream, each of which
/// the run used to ask for and wait for in turn. Before its turn a paged feed fetches only <see cref="PagesBeforeTurn"/>
/// pages, so the large streams waiting their turn hold little; from then on it may run a transaction's worth ahead.
/// </summary>
internal sealed class PageFeed : IAsyncDisposable
{
    /// <summary>Pages a feed fetches before its stream's turn.</summary>
    public const int PagesBeforeTurn = 4;

    /// <summary>Rows a page holds: Ashby's largest <c>limit</c>, and how one-call answers are cut.</summary>
    internal const int PageSize = 100;

    /// <summary>
    /// A request made before the stream's turn gets no retries: when it fails, the feed asks again (with them) when the
    /// turn comes. Against an unreachable Ashby every waiting stream would otherwise spend a whole retry budget at once,
    /// beside the stream whose turn it is, and the run stops at that stream anyway.
    /// </summary>
    private static readonly AshbyRequestOptions AheadOfTurn = new() { MaxRetries = 0 };

    private readonly AshbyClient _client;
    private readonly StreamDefinition _stream;
    private readonly Channel<FetchedPage> _pages;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _turn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _fetching;
    private int _disposed;

    private PageFeed(AshbyClient client, StreamDefinition stream, string? cursor, string? syncToken, int capacity, bool aheadOfTurn, CancellationToken cancellationToken)
    {
        if (!aheadOfTurn) _turn.TrySetResult();
        _client = client;
        _stream = stream;
        Cursor = cursor;
        SyncToken = syncToken;
        _pages = Channel.CreateBounded<FetchedPage>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _fetching = stream.Fetch == MirrorFetch.OneCall ? FetchAllAsync(_stop.Token) : FetchPagesAsync(_stop.Token);
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
    public void TakeTurn() => _turn.TrySetResult();

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
    /// Fetches the pages in order. Once a page's paging is read, the next request goes out before the page's rows are
    /// read (their typed columns and hashes), so Ashby works on the next page while this one is taken apart.
    /// </summary>
    private async Task FetchPagesAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        Task<ReadOnlyMemory<byte>>? pending = null; // a request sent and not yet awaited
        try
        {
            var requested = 1;
            pending = RequestPageAsync(Cursor, SyncToken, cancellationToken);
            while (pending is not null)
            {
                var envelope = await pending.ConfigureAwait(false);
                pending = null;
                FetchedPage page;
                using (var document = JsonDocument.Parse(envelope))
                {
                    var paging = FetchedPage.PagingOf(_stream, document.RootElement);
                    if (!paging.IsLast)
                    {
                        if (requested++ >= PagesBeforeTurn && !_turn.Task.IsCompleted) await _turn.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                        pending = RequestPageAsync(paging.NextCursor, null, cancellationToken);
                    }

                    page = FetchedPage.Read(_stream, document.RootElement, envelope, paging);
                }

                await _pages.Writer.WriteAsync(page, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _pages.Writer.TryComplete();
            Abandon(pending);
        }
    }

    /// <summary>
    /// A request still out when its fetch stops (the pass failed, or it was cancelled): its outcome no longer matters,
    /// but its failure is observed so it is not reported as unobserved.
    /// </summary>
    internal static void Abandon(Task? request) =>
        request?.ContinueWith(static r => r.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private Task<ReadOnlyMemory<byte>> RequestPageAsync(string? cursor, string? syncToken, CancellationToken cancellationToken)
    {
        var body = _stream.NewRequestBody();
        body["limit"] = PageSize;
        if (cursor is not null) body["cursor"] = cursor;
        else if (syncToken is not null) body["syncToken"] = syncToken;
        return SendAsync(body, cancellationToken);
    }

    /// <summary>Sends a request; before the stream's turn without retries, asking again at the turn if that failed (see <see cref="AheadOfTurn"/>).</summary>
    private async Task<ReadOnlyMemory<byte>> SendAsync(System.Text.Json.Nodes.JsonObject body, CancellationToken cancellationToken)
    {
        if (!_turn.Task.IsCompleted)
        {
            try
            {
                return await _client.SendRawEnvelopeAsync(_stream.Endpoint, body, AheadOfTurn, cancellationToken).ConfigureAwait(false);
            }
            catch (AshbyApiException ex) when (AshbyFailure.Classify(ex).IsTransient)
            {
                await _turn.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await _client.SendRawEnvelopeAsync(_stream.Endpoint, body, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A stream without paging comes in one call; its rows are handed on a page's worth at a time, the last page marked
    /// last (empty when Ashby sent none). The answer is not parsed whole: at 1M candidates the postings are 13 MB, and
    /// a document over all of them was the sync's largest allocation. Each page's rows are copied out as a JSON array
    /// of their own and parsed when the page is read. None has a cursor: a crash re-reads the stream from its start.
    /// </summary>
    private async Task FetchAllAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var envelope = await SendAsync(_stream.NewRequestBody(), cancellationToken).ConfigureAwait(false);
            foreach (var page in PagesOf(_stream, envelope)) await _pages.Writer.WriteAsync(page, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pages.Writer.TryComplete();
        }
    }

    /// <summary>A one-call answer's rows, 100 to a page, each page read when it is asked for; the last page is marked last (empty when there are no rows).</summary>
    internal static IEnumerable<FetchedPage> PagesOf(StreamDefinition stream, ReadOnlyMemory<byte> envelope)
    {
        var results = ResultsOf(envelope.Span);
        var pages = Math.Max(1, (results.Count + PageSize - 1) / PageSize);
        for (var i = 0; i < pages; i++)
        {
            var first = i * PageSize;
            var rows = results.Count == 0 ? [] : ReadRows(stream, envelope.Span[results[first].Start.Value..results[Math.Min(results.Count, first + PageSize) - 1].End.Value]);
            yield return new FetchedPage(rows, IsLast: i == pages - 1, NextCursor: null, SyncToken: null);
        }
    }

    /// <summary>The rows of consecutive elements of a <c>results</c> array: <paramref name="part"/> holds them with commas between.</summary>
    private static List<MirrorRow> ReadRows(StreamDefinition stream, ReadOnlySpan<byte> part)
    {
        var array = new byte[part.Length + 2];
        array[0] = (byte)'[';
        part.CopyTo(array.AsSpan(1));
        array[^1] = (byte)']';
        using var document = JsonDocument.Parse(array);
        return FetchedPage.ReadRows(stream, [.. document.RootElement.EnumerateArray()], array);
    }

    /// <summary>Where each element of the envelope's <c>results</c> array lies in its bytes.</summary>
    internal static List<Range> ResultsOf(ReadOnlySpan<byte> envelope)
    {
        var items = new List<Range>();
        var reader = new Utf8JsonReader(envelope);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The answer is not a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isResults = reader.ValueTextEquals("results"u8);
            reader.Read();
            if (!isResults || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                items.Add(start..(int)reader.BytesConsumed);
            }
        }

        return items;
    }
}
