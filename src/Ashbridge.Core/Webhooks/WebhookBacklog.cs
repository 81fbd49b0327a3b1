using Ashbridge.Core.Queues;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// The stored events waiting to be processed, as a durable queue (<see cref="QueueTable"/> over <c>webhook_events</c>): what is due, marking
/// events processed or failed (to retry, or dead), and replaying dead letters. Woken by the intake and by replays.
/// </summary>
public sealed class WebhookBacklog(AshbridgeDatabase database, TimeProvider timeProvider)
{
    private static readonly QueueTable Table = new("webhook_events", "dead", DeadNextAttemptMs: 0);

    /// <summary>Notified when events are stored pending or replayed; the processor's loop waits on it.</summary>
    public QueueSignal Wake { get; } = new();

    /// <summary>Pending events whose (next) attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookEvent>> DueAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<WebhookInbox.EventRow>(new CommandDefinition(
            Table.SelectDue(WebhookInbox.EventColumns), new { now = timeProvider.NowMs(), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEvent())];
    }

    /// <summary>When the next pending event falls due, if any is waiting.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await Table.NextDueAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks events applied, in one transaction (one write lock taken, not one per event).</summary>
    public async Task MarkProcessedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.NowMs();
        foreach (var chunk in ids.Chunk(500))
        {
            // Parameters, not literals: each list of literals was new SQL to Dapper, which compiled a new parameter
            // reader for it (a JIT compilation every pass, each cached for good).
            var parameters = new DynamicParameters();
            parameters.Add("now", now);
            await db.ExecuteAsync(new CommandDefinition(
                $"UPDATE webhook_events SET state = 'processed', processed_ms = @now, last_error = NULL WHERE id IN ({SqlList.In(parameters, "id", chunk)})",
                parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failed attempt: the event waits for <paramref name="retryAt"/>, or becomes dead when that is null.</summary>
    public async Task MarkFailedAsync(long id, int attempts, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await Table.RecordFailureAsync(db, id, attempts, error, retryAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts dead events (one, or all of the connection's) back in the queue with fresh attempts and wakes the processor;
    /// returns how many.
    /// </summary>
    public async Task<int> ReplayAsync(long connectionId, long? eventId = null, CancellationToken cancellationToken = default)
    {
        int count;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            count = await Table.ReplayAsync(
                db, "connection_id = @connectionId" + (eventId is null ? "" : " AND id = @eventId"), new { connectionId, eventId }, timeProvider.NowMs(), cancellationToken).ConfigureAwait(false);
        }

        if (count > 0) Wake.Notify();
        return count;
    }

}
