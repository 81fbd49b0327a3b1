using System.Data.Common;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Core.Sync;

/// <summary>
/// One stream's pass in a run: resumes a pass a crash interrupted, otherwise starts a full or incremental one; writes
/// each page with its checkpoint in one transaction; and when Ashby refuses the token or cursor, starts over as a full
/// pass, at whatever page that happens. The next page is fetched while the previous one is written.
/// </summary>
internal sealed class StreamPass(
    DbConnection db, RunCheckpointer checkpoints, AshbyClient client, TimeProvider time, ILogger logger,
    long connectionId, long runId, StreamDefinition stream, SyncMode requested,
    IProgress<StreamProgress>? progress, ICollection<(string From, string To)>? candidateMoves, PageFeed? ahead = null)
{
    private const int PageSize = PageFeed.PageSize;
    private const int MaxRestarts = 2;

    /// <summary>Interview plans whose stages are requested at once (see <see cref="PerInterviewPlanAsync"/>).</summary>
    internal const int PlansInFlight = 4;

    /// <summary>
    /// Pages the fetch may run ahead by, all written in one transaction when the writer gets to them: rows keyed by
    /// random ids touch a random leaf of every index, so a group writes each leaf once where single pages wrote it
    /// once per page (a full pass runs about a quarter faster). It also bounds the rows held in memory.
    /// </summary>
    internal const int MaxPagesPerTransaction = 16;

    /// <summary>
    /// How stale the interview stages may get before an incremental pass re-reads them: Ashby has no change feed for
    /// them, and re-reading means one call per interview plan, most of an incremental pass's time. Full passes always do.
    /// </summary>
    private static readonly TimeSpan StageRefreshInterval = TimeSpan.FromHours(1);
    private StreamPassMode _mode;

    /// <summary>The feed the run started before this stream's turn, until the pass's first fetch takes it.</summary>
    private PageFeed? _ahead = ahead;

    /// <summary>
    /// Whether this full pass began on a table with no rows and set its key aside: nothing it reads can be known already,
    /// and nothing can be left unseen at its end, so it inserts without looking rows up and does not sweep. A resumed or
    /// restarted pass does both, and so does this one once another pass has built the key.
    /// </summary>
    private bool _intoEmptyTable;

    /// <summary>Whether this pass has built the table's pending indexes before writing through its key.</summary>
    private bool _keyBuilt;
    private int _pages;
    private long _rows;

    /// <summary>The mode the pass ran in (after any restart).</summary>
    public StreamPassMode Mode => _mode;

    /// <summary>Runs the pass; returns why it did not, when the stream was not due (it was read recently enough).</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await StreamCheckpoint.LoadAsync(db, connectionId, stream.Name, cancellationToken).ConfigureAwait(false);
        if (NotDue(checkpoint) is { } notDue)
        {
            _mode = StreamPassMode.Skipped;
            await RunRecorder.StartStreamAsync(db, runId, stream.Name, _mode, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return notDue;
        }

        var (resume, full) = Decide(stream, requested, checkpoint);
        _mode = full ? StreamPassMode.Full : StreamPassMode.Incremental;

        await RunRecorder.StartStreamAsync(db, runId, stream.Name, _mode, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (resume) SyncLog.Resuming(logger, stream.Name, StoredText.Of(checkpoint.Mode!.Value), checkpoint.PassCursor is not null);
        else
        {
            await checkpoint.BeginAsync(db, connectionId, stream.Name, full, cancellationToken).ConfigureAwait(false);
            if (full) _intoEmptyTable = await DeferredIndexes.DeferIfEmptyAsync(db, stream, cancellationToken).ConfigureAwait(false);
        }

        Report(false, null, null);

        for (var restarts = 0; ; restarts++)
        {
            try
            {
                if (stream.Fetch == MirrorFetch.PerInterviewPlan) await PerInterviewPlanAsync(db, checkpoint, cancellationToken).ConfigureAwait(false);
                else await PagedAsync(db, checkpoint, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (AshbySyncRestartRequiredException ex) when (restarts < MaxRestarts)
            {
                var reason = ex.ErrorCode ?? "sync_restart_required";
                SyncLog.Restarting(logger, stream.Name, reason);
                _mode = StreamPassMode.Full;
                _intoEmptyTable = false; // rows of the first attempt may be there: look up, and build the key first
                await RunRecorder.RestartStreamAsync(db, runId, stream.Name, reason, cancellationToken).ConfigureAwait(false);
                await checkpoint.BeginAsync(db, connectionId, stream.Name, full: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Where a stream's pass will start fetching, decided from its checkpoint as <see cref="RunAsync"/> decides it, so
    /// the run can start the fetch before the stream's turn. Null when the fetch waits for the turn: the interview
    /// stages (one call per plan), and in a full run the streams read in one call, whose one answer grows with the
    /// organisation (13 MB of postings at 1M candidates) and, held through the passes before it, raised a full sync's
    /// peak memory. An incremental run holds little else, and there that answer's wait was a third of the pass.
    /// </summary>
    public static (string? Cursor, string? SyncToken)? FetchStart(StreamDefinition stream, SyncMode requested, StreamCheckpoint checkpoint)
    {
        if (stream.Fetch == MirrorFetch.PerInterviewPlan || (stream.Fetch == MirrorFetch.OneCall && requested == SyncMode.Full)) return null;
        var (resume, full) = Decide(stream, requested, checkpoint);
        return (resume ? checkpoint.PassCursor : null, full ? null : checkpoint.SyncToken);
    }

    /// <summary>A pass left midway resumes from its cursor, unless a full pass is asked for and it was incremental.</summary>
    private static (bool Resume, bool Full) Decide(StreamDefinition stream, SyncMode requested, StreamCheckpoint checkpoint)
    {
        var resume = checkpoint.Mode == StreamPassMode.Full || (checkpoint.Mode == StreamPassMode.Incremental && requested == SyncMode.Incremental && stream.HasSyncToken);
        var full = resume
            ? checkpoint.Mode == StreamPassMode.Full
            : requested == SyncMode.Full || !stream.HasSyncToken || stream.Fetch != MirrorFetch.Paged || checkpoint.SyncToken is null;
        return (resume, full);
    }

    /// <summary>An incremental pass leaves the interview stages alone while their last read is fresh enough.</summary>
    private string? NotDue(StreamCheckpoint checkpoint)
    {
        if (requested != SyncMode.Incremental || stream.Fetch != MirrorFetch.PerInterviewPlan || checkpoint.Mode is not null || checkpoint.LastFull is not { } last) return null;
        var next = last + StageRefreshInterval;
        return time.GetUtcNow() < next
            ? $"Not due: Ashby has no change feed for {stream.Name}, so incremental passes re-read them hourly (next after {next:u}); full passes always do."
            : null;
    }

    public void Report(bool finished, StreamOutcome? outcome, string? message) =>
        progress?.Report(new StreamProgress(stream.Name, _mode, _pages, _rows, finished, outcome, message));

    private async Task PagedAsync(DbConnection db, StreamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var (cursor, syncToken) = (checkpoint.PassCursor, checkpoint.Mode == StreamPassMode.Full ? null : checkpoint.SyncToken);
        // The feed the run started before this stream's turn serves the first attempt, if it starts where this pass does.
        var ahead = _ahead;
        _ahead = null;
        if (ahead is not null && (ahead.Cursor != cursor || ahead.SyncToken != syncToken))
        {
            await ahead.DisposeAsync().ConfigureAwait(false);
            ahead = null;
        }

        await using var feed = ahead ?? PageFeed.Start(client, stream, cursor, syncToken, MaxPagesPerTransaction, cancellationToken);
        feed.TakeTurn();
        var group = new List<FetchedPage>(MaxPagesPerTransaction);
        while (await feed.Pages.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Whatever pages the fetch has got ahead by go into one transaction: each random-keyed index leaf
            // is then written once per group rather than once per page.
            group.Clear();
            while (group.Count < MaxPagesPerTransaction && feed.Pages.TryRead(out var page)) group.Add(page);
            await WritePagesAsync(db, checkpoint, group, cancellationToken).ConfigureAwait(false);
        }

        await feed.Completion.ConfigureAwait(false); // rethrows a fetch error once the pages before it are stored
    }

    /// <summary>
    /// The interview stages are read one call per interview plan and written a group of pages' worth of rows at a
    /// time, so a large organisation's tens of thousands of stages never sit in memory as rows all at once. The last
    /// group ends the pass (its sweep); a crash before then re-reads the stream from the start. The calls do not depend
    /// on each other, so <see cref="PlansInFlight"/> of them are out at once, read in plan order: against Ashby each is
    /// a round trip, and one plan at a time made a 2,000-plan organisation's stages 2,000 round trips end to end.
    /// </summary>
    private async Task PerInterviewPlanAsync(DbConnection db, StreamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        const int GroupRows = MaxPagesPerTransaction * PageSize;
        var plans = await InterviewPlanIdsAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<MirrorRow>();
        var inFlight = new Queue<Task<List<MirrorRow>>>(PlansInFlight);
        var requested = 0;
        try
        {
            for (var i = 0; i < plans.Count; i++)
            {
                while (requested < plans.Count && inFlight.Count < PlansInFlight) inFlight.Enqueue(StagesOfAsync(plans[requested++], cancellationToken));
                rows.AddRange(await inFlight.Dequeue().ConfigureAwait(false));
                if (rows.Count < GroupRows) continue;
                await WritePagesAsync(db, checkpoint, [new FetchedPage(rows, IsLast: false, NextCursor: null, SyncToken: null)], cancellationToken).ConfigureAwait(false);
                rows = [];
            }
        }
        finally
        {
            // Requests still out when a write failed or the pass was cancelled: their outcome no longer matters, but a
            // failure is observed so it is not reported as unobserved.
            foreach (var request in inFlight) _ = request.ContinueWith(static r => r.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        await WritePagesAsync(db, checkpoint, [new FetchedPage(rows, IsLast: true, NextCursor: null, SyncToken: null)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One interview plan's stages (one page: Ashby does not page them), their JSON slices of the answer.</summary>
    private async Task<List<MirrorRow>> StagesOfAsync(string planId, CancellationToken cancellationToken)
    {
        var rows = new List<MirrorRow>();
        var request = new AshbyRawPageRequest { Parameters = new JsonObject { [AshbyFields.InterviewPlanId] = planId } };
        await foreach (var page in client.EnumerateRawPagesAsync(stream.Endpoint, request, cancellationToken).ConfigureAwait(false))
        {
            using (page)
            {
                rows.AddRange(FetchedPage.Read(stream, page).Rows);
            }
        }

        return rows;
    }

    private async Task<List<string>> InterviewPlanIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var request = new AshbyRawPageRequest { Parameters = new JsonObject { ["includeArchived"] = true }, Limit = PageSize };
        await foreach (var page in client.EnumerateRawPagesAsync("interviewPlan.list", request, cancellationToken).ConfigureAwait(false))
        {
            using (page)
            {
                foreach (var plan in page.Results.EnumerateArray()) ids.Add(plan.GetProperty(AshbyFields.Id).GetString()!);
            }
        }

        return ids;
    }

    private async Task WritePagesAsync(DbConnection db, StreamCheckpoint checkpoint, List<FetchedPage> pages, CancellationToken cancellationToken)
    {
        var now = time.NowMs();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (_intoEmptyTable) _intoEmptyTable = await DeferredIndexes.KeyPendingAsync(db, transaction, stream, cancellationToken).ConfigureAwait(false);
        if (!_intoEmptyTable && !_keyBuilt)
        {
            // Upserts need the key: a pass that did not set it aside builds whatever another left pending first.
            await DeferredIndexes.RebuildAsync(db, transaction, stream, cancellationToken).ConfigureAwait(false);
            _keyBuilt = true;
        }

        var counts = default(PageCounts);
        foreach (var chunk in InKeyOrder(pages).Chunk(PageSize))
        {
            var written = await MirrorWriter.WriteAsync(db, transaction, connectionId, stream, chunk, checkpoint.PassNumber, now, candidateMoves, _intoEmptyTable, cancellationToken).ConfigureAwait(false);
            counts = new PageCounts(counts.New + written.New, counts.Changed + written.Changed, counts.Unchanged + written.Unchanged);
        }

        var last = pages[^1];
        long deleted = 0;
        if (last.IsLast)
        {
            if (checkpoint.Mode == StreamPassMode.Full && !_intoEmptyTable) deleted = await MirrorWriter.SweepAsync(db, transaction, connectionId, stream, checkpoint.PassNumber, now, cancellationToken).ConfigureAwait(false);
            var rebuilt = await DeferredIndexes.RebuildAsync(db, transaction, stream, cancellationToken).ConfigureAwait(false);
            counts = counts with { New = counts.New - rebuilt.Duplicates }; // inserted twice, counted twice
            await checkpoint.CompleteAsync(db, transaction, connectionId, stream.Name, last.SyncToken, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A fan-out's intermediate group has no cursor: a crash re-reads the stream from its start.
            if (last.NextCursor is { } cursor) await checkpoint.AdvanceAsync(db, transaction, connectionId, stream.Name, cursor, cancellationToken).ConfigureAwait(false);
        }

        await RunRecorder.AddPagesAsync(db, transaction, runId, stream.Name, pages.Count, counts, deleted, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await checkpoints.CommittedAsync(db, cancellationToken).ConfigureAwait(false);
        _pages += pages.Count;
        _rows += counts.Rows;
        Report(false, null, null);
    }

    /// <summary>
    /// A group's rows by id, the last copy of an id kept (a later page is newer). Ashby's ids are random: written in the
    /// order they came, each row sent the writer to a random leaf of the unique index, and a page cache smaller than the
    /// index evicted and re-read the same leaves over and over; in key order each leaf is visited once per group.
    /// </summary>
    internal static List<MirrorRow> InKeyOrder(List<FetchedPage> pages)
    {
        var latest = new Dictionary<string, MirrorRow>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var row in page.Rows) latest[row.Id] = row;
        }

        var rows = latest.Values.ToList();
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rows;
    }

}
