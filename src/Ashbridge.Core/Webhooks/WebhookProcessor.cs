using System.Data.Common;
using System.Text.Json;
using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Queues;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// Applies stored events to the mirror, a batch per connection at a time: deletions and merges from the events, then
/// one incremental pass of the streams they touched. Applying is idempotent (a pass brings Ashby's current state), so
/// duplicates, retries and reordering cannot leave the mirror wrong. A batch that fails is retried with backoff; an
/// event that still fails after <see cref="Retries"/>' last attempt, or cannot be read, becomes a dead letter for replay.
/// The inbound side of the durable queue pattern (<see cref="IQueueProcessor"/>, run by <see cref="QueueLoop"/>).
/// </summary>
public sealed partial class WebhookProcessor(
    AshbridgeDatabase database, WebhookBacklog backlog, ConnectionStore connections, AshbyClientPool clients, SyncEngine engine,
    TimeProvider timeProvider, ILogger<WebhookProcessor>? logger = null) : IQueueProcessor
{
    /// <summary>Waits of 2 s, 6 s, 18 s … up to 5 min; the sixth failed attempt makes a dead letter.</summary>
    public static readonly RetrySchedule Retries = new(TimeSpan.FromSeconds(2), 3, TimeSpan.FromMinutes(5), MaxAttempts: 6);

    private const int BatchSize = 5000;
    private static readonly TimeSpan BusyRetry = TimeSpan.FromMilliseconds(500);
    private readonly TimeProvider _time = timeProvider;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc/>
    public string Name => "webhook events";

    /// <inheritdoc/>
    public QueueSignal Wake => backlog.Wake;

    /// <summary>
    /// Idles up to 30 s; after a wake-up lets a burst gather for 200 ms, and under a stream of deliveries runs at most
    /// one pass per 200 ms: more events per pass, and the CPU in between goes to the intake.
    /// </summary>
    public QueuePacing Pacing { get; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));

    /// <inheritdoc/>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default) => backlog.NextDueAsync(cancellationToken);

    /// <summary>Processes the events that are due; returns how many it looked at (0 when there is nothing to do).</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await backlog.DueAsync(BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var batch in due.GroupBy(e => e.ConnectionId))
        {
            await ProcessAsync(batch.Key, [.. batch], cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    private async Task ProcessAsync(long connectionId, List<WebhookEvent> events, CancellationToken cancellationToken)
    {
        var effects = new List<(WebhookEvent Event, WebhookEffect Effect)>();
        foreach (var e in events)
        {
            try
            {
                effects.Add((e, WebhookEffect.Of(e.Action, e.Body)));
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                // Retrying cannot change what the body says: straight to the dead letters, with the reason.
                await backlog.MarkFailedAsync(e.Id, e.Attempts + 1, $"Unreadable event: {ex.Message}", null, cancellationToken).ConfigureAwait(false);
                DeadLetter(_logger, e.Id, e.Action, ex.Message);
            }
        }

        if (effects.Count == 0) return;
        using var activity = AshbridgeTelemetry.Source.StartActivity("webhooks.process");
        activity?.SetTag("ashbridge.connection_id", connectionId);
        activity?.SetTag("ashbridge.events", effects.Count);
        string? failure;
        var busy = false;
        try
        {
            var connection = await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false)
                ?? throw new ConnectionNotFoundException($"Connection {connectionId} was removed.");
            var changed = await ApplyDeletionsAndMergesAsync(connectionId, effects.Select(x => x.Effect).ToList(), cancellationToken).ConfigureAwait(false);
            var streams = effects.SelectMany(x => x.Effect.Streams).Distinct(StringComparer.Ordinal).ToList();
            failure = streams.Count == 0 ? null : await RefreshAsync(connection, streams, changed, cancellationToken).ConfigureAwait(false);
        }
        catch (SyncAlreadyRunningException)
        {
            (failure, busy) = ("A pass of this connection is running; the events are applied right after it.", true);
        }
        catch (AshbyApiException ex)
        {
            failure = AshbyFailure.Classify(ex).Message;
        }
        catch (Exception ex) when (ex is DbException or ConnectionNotFoundException or ConnectionSecretUnreadableException)
        {
            failure = ex.Message;
        }

        if (failure is null)
        {
            await backlog.MarkProcessedAsync([.. effects.Select(x => x.Event.Id)], cancellationToken).ConfigureAwait(false);
            AshbridgeTelemetry.RecordWebhooksSettled(connectionId, "processed", effects.Count);
            return;
        }

        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure);
        foreach (var (e, _) in effects)
        {
            // A running pass is not the event's fault: wait for it without spending an attempt.
            var attempts = busy ? e.Attempts : e.Attempts + 1;
            var retryAt = busy ? _time.GetUtcNow() + BusyRetry : Retries.RetryAt(_time.GetUtcNow(), attempts);
            await backlog.MarkFailedAsync(e.Id, attempts, failure, retryAt, cancellationToken).ConfigureAwait(false);
            AshbridgeTelemetry.RecordWebhooksSettled(connectionId, retryAt is null ? "dead" : "retry", 1);
            if (retryAt is null) DeadLetter(_logger, e.Id, e.Action, failure);
        }
    }

    /// <summary>An incremental pass of the touched streams; returns what failed, or null.</summary>
    private async Task<string?> RefreshAsync(Connection connection, List<string> streams, IReadOnlyList<string> changedBefore, CancellationToken cancellationToken)
    {
        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        var run = await engine.RunAsync(connection.Id, connection.Name, client, new SyncRequest(SyncMode.Incremental, "webhook", streams, changedBefore), null, cancellationToken).ConfigureAwait(false);
        if (run.Outcome == SyncOutcome.Succeeded) return null;
        var failed = run.Streams.Where(s => s.Outcome == StreamOutcome.Failed).Select(s => $"{s.Stream}: {s.Message}");
        return run.Error ?? string.Join("; ", failed);
    }

    /// <summary>
    /// What Ashby's lists never report: hard deletions (a deleted candidate takes its applications) and merges. Returns
    /// the streams it changed, for the mirror's observers.
    /// </summary>
    private async Task<IReadOnlyList<string>> ApplyDeletionsAndMergesAsync(long connectionId, List<WebhookEffect> effects, CancellationToken cancellationToken)
    {
        if (effects.All(e => e.Deletions.Count == 0 && e.Merge is null)) return [];
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var now = _time.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var effect in effects)
        {
            foreach (var deletion in effect.Deletions)
            {
                await db.ExecuteAsync(new CommandDefinition(
                    $"UPDATE {deletion.Stream.Table} SET deleted_ms = COALESCE(deleted_ms, @now) WHERE connection_id = @connectionId AND id = @id",
                    new { now, connectionId, id = deletion.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                changed.Add(deletion.Stream.Name);
                if (deletion.Stream == MirrorStreams.Candidates)
                {
                    changed.Add(MirrorStreams.Applications.Name);
                    await db.ExecuteAsync(new CommandDefinition(
                        "UPDATE mirror_applications SET deleted_ms = COALESCE(deleted_ms, @now) WHERE connection_id = @connectionId AND candidate_id = @id",
                        new { now, connectionId, id = deletion.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
            }

            if (effect.Merge is { } merge)
            {
                await CandidateMerges.RecordAsync(db, connectionId, merge.From, merge.Into, now, cancellationToken, transaction).ConfigureAwait(false);
                changed.Add(MirrorStreams.Candidates.Name);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. changed];
    }

    [LoggerMessage(1, LogLevel.Warning, "Webhook event {EventId} ({Action}) is a dead letter: {Reason}")]
    private static partial void DeadLetter(ILogger logger, long eventId, string action, string reason);
}
