using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
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
    AshbridgeDatabase database, AshbyClient client, TimeProvider time, ILogger logger,
    long connectionId, long runId, StreamDefinition stream, SyncMode requested,
    IProgress<StreamProgress>? progress, ICollection<(string From, string To)>? candidateMoves)
{
    private const int PageSize = 100;
    private const int MaxRestarts = 2;
    private StreamPassMode _mode;
    private int _pages;
    private long _rows;

    /// <summary>The mode the pass ran in (after any restart).</summary>
    public StreamPassMode Mode => _mode;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var checkpoint = await StreamCheckpoint.LoadAsync(connection, connectionId, stream.Name, cancellationToken).ConfigureAwait(false);

        // A pass left midway resumes from its cursor, unless a full pass is asked for and it was incremental.
        var resume = checkpoint.PassMode == "full" || (checkpoint.PassMode == "incremental" && requested == SyncMode.Incremental && stream.HasSyncToken);
        var full = resume
            ? checkpoint.PassMode == "full"
            : requested == SyncMode.Full || !stream.HasSyncToken || stream.Fetch != MirrorFetch.Paged || checkpoint.SyncToken is null;
        _mode = full ? StreamPassMode.Full : StreamPassMode.Incremental;

        await RunRecorder.StartStreamAsync(connection, runId, stream.Name, _mode, Now(), cancellationToken).ConfigureAwait(false);
        if (resume) SyncLog.Resuming(logger, stream.Name, checkpoint.PassMode!, checkpoint.PassCursor is not null);
        else await checkpoint.BeginAsync(connection, connectionId, stream.Name, full, cancellationToken).ConfigureAwait(false);
        Report(false, null, null);

        for (var restarts = 0; ; restarts++)
        {
            try
            {
                if (stream.Fetch == MirrorFetch.Paged) await PagedAsync(connection, checkpoint, cancellationToken).ConfigureAwait(false);
                else await WholeAsync(connection, checkpoint, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AshbySyncRestartRequiredException ex) when (restarts < MaxRestarts)
            {
                var reason = ex.ErrorCode ?? "sync_restart_required";
                SyncLog.Restarting(logger, stream.Name, reason);
                _mode = StreamPassMode.Full;
                await RunRecorder.RestartStreamAsync(connection, runId, stream.Name, reason, cancellationToken).ConfigureAwait(false);
                await checkpoint.BeginAsync(connection, connectionId, stream.Name, full: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Report(bool finished, StreamOutcome? outcome, string? message) =>
        progress?.Report(new StreamProgress(stream.Name, _mode, _pages, _rows, finished, outcome, message));

    private async Task PagedAsync(DbConnection connection, StreamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var full = checkpoint.PassMode == "full";
        var pages = Channel.CreateBounded<FetchedPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetching = FetchPagesAsync(pages.Writer, checkpoint.PassCursor, full ? null : checkpoint.SyncToken, stop.Token);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await WritePageAsync(connection, checkpoint, page.Rows, page.IsLast, page.NextCursor, page.SyncToken, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await fetching.ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The write failed first; its error is the one to report.
            }

            throw;
        }

        await fetching.ConfigureAwait(false); // rethrows a fetch error once the pages before it are stored
    }

    private async Task FetchPagesAsync(ChannelWriter<FetchedPage> writer, string? cursor, string? syncToken, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                var body = stream.NewRequestBody();
                body["limit"] = PageSize;
                if (cursor is not null) body["cursor"] = cursor;
                else if (syncToken is not null) body["syncToken"] = syncToken;
                var envelope = await client.SendRawBytesAsync(stream.Endpoint, JsonSerializer.SerializeToUtf8Bytes(body), null, cancellationToken).ConfigureAwait(false);
                var page = FetchedPage.Parse(stream, envelope);
                await writer.WriteAsync(page, cancellationToken).ConfigureAwait(false);
                if (page.IsLast) return;
                cursor = page.NextCursor;
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Streams without paging (or with fan-out per interview plan) are read whole and written as one page.</summary>
    private async Task WholeAsync(DbConnection connection, StreamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var rows = new List<MirrorRow>();
        if (stream.Fetch == MirrorFetch.PerInterviewPlan)
        {
            foreach (var planId in await InterviewPlanIdsAsync(cancellationToken).ConfigureAwait(false))
            {
                var stages = await client.SendRawAsync(stream.Endpoint, new JsonObject { ["interviewPlanId"] = planId }, null, cancellationToken).ConfigureAwait(false);
                rows.AddRange(FetchedPage.ReadRows(stream, stages));
            }
        }
        else
        {
            var results = await client.SendRawAsync(stream.Endpoint, stream.NewRequestBody(), null, cancellationToken).ConfigureAwait(false);
            rows.AddRange(FetchedPage.ReadRows(stream, results));
        }

        await WritePageAsync(connection, checkpoint, rows, isLast: true, nextCursor: null, syncToken: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<string>> InterviewPlanIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var body = new JsonObject { ["includeArchived"] = true, ["limit"] = PageSize };
            if (cursor is not null) body["cursor"] = cursor;
            var envelope = await client.SendRawBytesAsync("interviewPlan.list", JsonSerializer.SerializeToUtf8Bytes(body), null, cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(envelope);
            var root = document.RootElement;
            foreach (var plan in root.GetProperty("results").EnumerateArray()) ids.Add(plan.GetProperty("id").GetString()!);
            cursor = root.TryGetProperty("moreDataAvailable", out var more) && more.ValueKind == JsonValueKind.True ? root.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }

    /// <summary>The page, its checkpoint, its counts and, on a full pass's last page, the deletion sweep: one transaction.</summary>
    private async Task WritePageAsync(DbConnection connection, StreamCheckpoint checkpoint, IReadOnlyList<MirrorRow> rows, bool isLast, string? nextCursor, string? syncToken, CancellationToken cancellationToken)
    {
        var now = Now();
        var full = checkpoint.PassMode == "full";
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var counts = default(PageCounts);
        for (var start = 0; start < rows.Count; start += PageSize)
        {
            var chunk = rows.Count <= PageSize ? rows : rows.Skip(start).Take(PageSize).ToList();
            var written = await MirrorWriter.WriteAsync(connection, transaction, connectionId, stream, chunk, checkpoint.PassNumber, now, candidateMoves, cancellationToken).ConfigureAwait(false);
            counts = new PageCounts(counts.New + written.New, counts.Changed + written.Changed, counts.Unchanged + written.Unchanged);
        }

        long deleted = 0;
        if (isLast)
        {
            if (full) deleted = await MirrorWriter.SweepAsync(connection, transaction, connectionId, stream, checkpoint.PassNumber, now, cancellationToken).ConfigureAwait(false);
            await checkpoint.CompleteAsync(connection, transaction, connectionId, stream.Name, syncToken, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await checkpoint.AdvanceAsync(connection, transaction, connectionId, stream.Name, nextCursor!, cancellationToken).ConfigureAwait(false);
        }

        await RunRecorder.AddPageAsync(connection, transaction, runId, stream.Name, counts, deleted, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _pages++;
        _rows += counts.Rows;
        Report(false, null, null);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
