using System.Data.Common;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.Sync;

/// <summary>
/// Runs one pass of one connection over every mirror stream (or a chosen few), under the connection's lock, and keeps
/// the run history. A stream the key may not read is skipped with the reason recorded; a stream that fails keeps its
/// checkpoint for the next run; a bad key or an unreachable Ashby (see <see cref="AshbyFailure.StopsRun"/>) stops the
/// run, since every stream would fail alike: the streams after it are recorded as not run.
/// </summary>
public sealed partial class SyncEngine(
    AshbridgeDatabase database, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, IEnumerable<IMirrorObserver>? observers = null)
{
    private readonly IMirrorObserver[] _observers = observers?.ToArray() ?? [];

    /// <summary>Connections whose observers failed to follow a pass: the next pass tells them of every stream it ran.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, bool> _observersBehind = new();

    private readonly TimeProvider _time = timeProvider;
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SyncEngine>();

    /// <summary>Runs a pass.</summary>
    /// <param name="connectionId">The connection's id.</param>
    /// <param name="connectionName">Its name, for messages.</param>
    /// <param name="client">The connection's client (one per key, shared with the features).</param>
    /// <param name="request">Mode, trigger and streams.</param>
    /// <param name="progress">Receives each stream's progress after every page.</param>
    /// <param name="cancellationToken">Stops the run; what was stored stays, and the next run resumes.</param>
    /// <exception cref="SyncAlreadyRunningException">Another pass of this connection holds the lock.</exception>
    /// <exception cref="ArgumentException">An unknown stream name.</exception>
    public async Task<SyncRunResult> RunAsync(
        long connectionId, string connectionName, AshbyClient client, SyncRequest request,
        IProgress<StreamProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var streams = Select(request.Streams);
        using var activity = AshbridgeTelemetry.Source.StartActivity("sync.run");
        activity?.SetTag("ashbridge.connection", connectionName);
        activity?.SetTag("ashbridge.mode", StoredText.Of(request.Mode));
        activity?.SetTag("ashbridge.trigger", request.Trigger);

        await using var gate = await ConnectionSyncLock.AcquireAsync(database, connectionId, connectionName, cancellationToken).ConfigureAwait(false);
        // One connection for the whole run: without a pool (see DatabaseLocation) each open re-reads the schema, which
        // cost an incremental pass more than its data.
        await using var db = await database.ConnectForBulkWritesAsync(cancellationToken).ConfigureAwait(false);
        await using var checkpoints = new RunCheckpointer(database, _logger);
        await using var feeds = await RunFeeds.StartAsync(db, connectionId, client, streams, request.Mode, cancellationToken).ConfigureAwait(false);
        await RunRecorder.MarkInterruptedAsync(db, connectionId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var runId = await RunRecorder.StartRunAsync(db, connectionId, request, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        SyncLog.RunStarted(_logger, connectionName, runId, StoredText.Of(request.Mode), request.Trigger);
        var moves = new List<(string From, string To)>();
        string? stopReason = null;
        string? stoppedAt = null;
        var failed = false;
        try
        {
            foreach (var stream in streams)
            {
                if (stopReason is not null)
                {
                    await RecordNotRunAsync(db, runId, stream, stoppedAt!, progress, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var pass = new StreamPass(db, checkpoints, client, _time, _logger, connectionId, runId, stream, request.Mode, progress,
                    stream == MirrorStreams.Applications ? moves : null, feeds.For(stream));
                var (outcome, message, stop) = await RunStreamAsync(db, pass, connectionId, stream, cancellationToken).ConfigureAwait(false);
                failed |= outcome == StreamOutcome.Failed;
                (stopReason, stoppedAt) = stop ? (message, stream.Name) : (null, null);
                await FinishStreamAsync(db, runId, stream, outcome, outcome == StreamOutcome.Skipped ? StreamPassMode.Skipped : null, message, cancellationToken).ConfigureAwait(false);
                pass.Report(true, outcome, message);
            }

            // A stopped run's Ashby would refuse these calls too, each after its own retries.
            if (stopReason is null) await ResolveMergesAsync(db, connectionId, client, moves, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await FinishRunAsync(db, runId, SyncOutcome.Failed, "Cancelled; the next run resumes from the stored checkpoints.", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await feeds.DisposeAsync().ConfigureAwait(false); // now rather than after the observers: a stopped run's are unused
            checkpoints.EndRun(db);
        }

        var result = failed ? SyncOutcome.Failed : SyncOutcome.Succeeded;
        await FinishRunAsync(db, runId, result, stopReason, cancellationToken).ConfigureAwait(false);
        var finished = (await new SyncHistory(database).GetRunAsync(runId, cancellationToken).ConfigureAwait(false))!;
        await NotifyObserversAsync(connectionId, ChangedStreams(connectionId, streams, finished, request), cancellationToken).ConfigureAwait(false);
        SyncLog.RunFinished(_logger, connectionName, runId, StoredText.Of(result));
        AshbridgeTelemetry.RecordSync(connectionName, finished);
        activity?.SetTag("ashbridge.outcome", StoredText.Of(result));
        if (failed) activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, stopReason);
        return finished;
    }

    /// <summary>The streams a request names, in sync order.</summary>
    public static IReadOnlyList<StreamDefinition> Select(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0) return MirrorStreams.All;
        var unknown = names.Where(n => MirrorStreams.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown stream(s): {string.Join(", ", unknown)}. Streams: {string.Join(", ", MirrorStreams.All.Select(s => s.Name))}.", nameof(names));
        }

        return MirrorStreams.All.Where(s => names.Any(n => string.Equals(n, s.Name, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>Runs one stream and sorts its failure: skip it, fail it, or fail it and stop the run.</summary>
    private async Task<(StreamOutcome Outcome, string? Message, bool StopRun)> RunStreamAsync(DbConnection db, StreamPass pass, long connectionId, StreamDefinition stream, CancellationToken cancellationToken)
    {
        try
        {
            return await pass.RunAsync(cancellationToken).ConfigureAwait(false) is { } notDue
                ? (StreamOutcome.Skipped, notDue, false)
                : (StreamOutcome.Succeeded, null, false);
        }
        catch (AshbyApiException ex)
        {
            var failure = AshbyFailure.Classify(ex);
            if (ex is AshbyPermissionException permission)
            {
                var needed = permission.RequiredPermission?.Describe() ?? $"the {AshbyPermissions.ToModule(stream.Permission)} read permission ({stream.Permission})";
                var reason = $"The API key lacks {needed}; {stream.Endpoint} cannot be read. Grant it in Ashby (Admin > API Keys) to mirror {stream.Name}.";
                SyncLog.Skipped(_logger, stream.Name, reason);
                await StreamCheckpoint.SkipAsync(db, connectionId, stream.Name, reason, cancellationToken).ConfigureAwait(false);
                return (StreamOutcome.Skipped, reason, false);
            }

            return failure.StopsRun
                ? Fail(stream, failure.Message, stop: true)
                : Fail(stream, $"{stream.Endpoint} failed: {failure.Message}", stop: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
        {
            return Fail(stream, $"{stream.Endpoint} failed: {ex.Message}", stop: false);
        }
        catch (DbException ex)
        {
            return Fail(stream, $"The database refused a write ({ex.Message}); nothing past the last stored page was kept.", stop: true);
        }
    }

    private (StreamOutcome, string?, bool) Fail(StreamDefinition stream, string message, bool stop)
    {
        SyncLog.Failed(_logger, stream.Name, message);
        return (StreamOutcome.Failed, message, stop);
    }

    /// <summary>
    /// An application that moved to another candidate is the trace of a merge: if the old candidate is gone from Ashby,
    /// it was merged into the new one.
    /// </summary>
    private async Task ResolveMergesAsync(DbConnection db, long connectionId, AshbyClient client, List<(string From, string To)> moves, CancellationToken cancellationToken)
    {
        if (moves.Count == 0) return;
        foreach (var (from, to) in moves.Distinct())
        {
            try
            {
                await client.SendRawAsync("candidate.info", new JsonObject { ["id"] = from }, null, cancellationToken).ConfigureAwait(false);
            }
            catch (AshbyNotFoundException)
            {
                await CandidateMerges.RecordAsync(db, connectionId, from, to, _time.NowMs(), cancellationToken).ConfigureAwait(false);
                SyncLog.Merged(_logger, from, to);
            }
        }
    }

    /// <summary>A stream the run did not get to: its row says so (and where the run stopped); the run's error says why.</summary>
    private async Task RecordNotRunAsync(DbConnection db, long runId, StreamDefinition stream, string stoppedAt, IProgress<StreamProgress>? progress, CancellationToken cancellationToken)
    {
        await RunRecorder.StartStreamAsync(db, runId, stream.Name, StreamPassMode.Skipped, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var message = $"Not run: the run stopped when {stoppedAt} failed; the next run reads this stream.";
        await RunRecorder.FinishStreamAsync(db, runId, stream.Name, StreamOutcome.NotRun, StreamPassMode.Skipped, message, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        progress?.Report(new StreamProgress(stream.Name, StreamPassMode.Skipped, 0, 0, true, StreamOutcome.NotRun, message));
    }

    private async Task FinishStreamAsync(DbConnection db, long runId, StreamDefinition stream, StreamOutcome outcome, StreamPassMode? mode, string? message, CancellationToken cancellationToken)
    {
        await RunRecorder.FinishStreamAsync(db, runId, stream.Name, outcome, mode, message, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task FinishRunAsync(DbConnection db, long runId, SyncOutcome outcome, string? error, CancellationToken cancellationToken)
    {
        await RunRecorder.FinishRunAsync(db, runId, outcome, error, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The streams whose rows the pass added, changed or deleted, with those the caller changed just before it; every
    /// stream the pass ran when an observer missed an earlier pass. A pass that changed nothing tells no one: a webhook
    /// burst's re-read usually finds Ashby as the mirror already has it.
    /// </summary>
    private string[] ChangedStreams(long connectionId, IReadOnlyList<StreamDefinition> streams, SyncRunResult finished, SyncRequest request)
    {
        if (_observersBehind.TryRemove(connectionId, out _)) return [.. streams.Select(s => s.Name)];
        return [.. finished.Streams.Where(s => s.New + s.Changed + s.Deleted > 0).Select(s => s.Stream)
            .Concat(request.ChangedBefore ?? []).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Tells the features what the pass changed; their failures are theirs to report, never the pass's.</summary>
    private async Task NotifyObserversAsync(long connectionId, string[] streams, CancellationToken cancellationToken)
    {
        if (streams.Length == 0) return;
        foreach (var observer in _observers)
        {
            try
            {
                await observer.MirrorChangedAsync(connectionId, streams, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or System.Text.Json.JsonException)
            {
                _observersBehind[connectionId] = true;
                ObserverFailed(_logger, observer.GetType().Name, connectionId, ex);
            }
        }
    }

    [LoggerMessage(20, LogLevel.Error, "{Observer} could not follow the pass of connection {ConnectionId}; it catches up after the next pass")]
    private static partial void ObserverFailed(ILogger logger, string observer, long connectionId, Exception exception);

}
