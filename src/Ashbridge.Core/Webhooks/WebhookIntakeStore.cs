using System.Data.Common;
using System.Threading.Channels;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// The inbox's way in: deliveries whose signature was checked are stored before Ashby is answered, and refused ones are
/// counted. Safe for any number of concurrent callers, and fast under them by group commit: deliveries that arrive
/// while one transaction is being written wait for the next, which stores them all, so a burst costs one write (and one
/// SQLite lock) instead of one per delivery. Each caller still gets its answer only once its own event is durable. A
/// duplicate is dropped by the keys of the last 48 hours (<see cref="RecentDeliveries"/>), and on PostgreSQL by the unique
/// key too. Whatever is stored pending wakes the <see cref="WebhookBacklog"/>.
/// </summary>
public sealed class WebhookIntakeStore(AshbridgeDatabase database, WebhookSecrets secrets, WebhookBacklog backlog, TimeProvider timeProvider) : IAsyncDisposable
{
    /// <summary>The most deliveries one transaction stores.</summary>
    private const int MaxBatch = 256;

    /// <summary>
    /// How long the intake's commands wait for SQLite's write lock: Ashby gives up on a delivery after a few seconds, so
    /// one that waited longer was lost to it anyway; failing sooner lets the intake answer 503, which Ashby retries.
    /// </summary>
    public static readonly TimeSpan IntakeLockWait = TimeSpan.FromSeconds(3);

    // One long-running writer reads this queue (started by the first delivery, as Core has no host to start it): a
    // writer started on demand per burst cost a thread-pool hand-off, and a fresh async loop, per burst.
    private readonly Channel<Waiting> _waiting = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _starting = new();
    private Task? _writer;
    private volatile bool _disposing;
    private DbConnection? _db; // kept open between batches (opening one, and reading the schema, cost more than a batch)
    private RecentDeliveries? _recent;

    /// <summary>
    /// Makes a SQLite connection's commands give up on a write lock another connection holds after <see cref="IntakeLockWait"/>
    /// (a no-op on PostgreSQL). Both waits are shortened: SQLite's own busy handler, which runs inside the step and which a
    /// cancellation token does not reach, and the driver's retry loop after it, bounded by the command timeout.
    /// </summary>
    public static async Task BoundLockWaitAsync(DbConnection db, CancellationToken cancellationToken = default)
    {
        if (db is not SqliteConnection sqlite) return;
        sqlite.DefaultTimeout = (int)IntakeLockWait.TotalSeconds; // commands made later, and BEGIN's own, take this
        await using var pragma = sqlite.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {(int)IntakeLockWait.TotalMilliseconds};";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores a delivery whose signature was checked; a second copy of the same event changes nothing.</summary>
    public async Task<IntakeOutcome> StoreAsync(long connectionId, WebhookDelivery delivery, string body, WebhookEventState state, CancellationToken cancellationToken = default) =>
        (await StoreManyAsync([(connectionId, delivery, body, state)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Stores several checked deliveries, in one transaction with whatever else is waiting; returns each one's outcome,
    /// in order. Either all are stored or none is. A caller whose <paramref name="cancellationToken"/> fires before its
    /// deliveries are written leaves the queue and they are not written; once they are being written they may still be
    /// committed (and Ashby's retry is then answered as a duplicate).
    /// </summary>
    public async Task<IReadOnlyList<IntakeOutcome>> StoreManyAsync(
        IReadOnlyList<(long ConnectionId, WebhookDelivery Delivery, string Body, WebhookEventState State)> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return [];
        var waiting = new Waiting(events, new TaskCompletionSource<IntakeOutcome[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_waiting.Writer.TryWrite(waiting), this);
        if (Volatile.Read(ref _writer) is null) StartWriter();
        try
        {
            return await waiting.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!waiting.Done.Task.IsCompletedSuccessfully)
        {
            waiting.Done.TrySetCanceled(cancellationToken); // still queued: the writer skips it
            throw;
        }
    }

    private void StartWriter()
    {
        lock (_starting) _writer ??= Task.Run(WriteWaitingAsync, CancellationToken.None);
    }

    /// <summary>
    /// Writes batches of whatever waits, for as long as the store lives; whoever queues a delivery while a batch is
    /// written is served by the next. Never throws: a failed batch fails its callers (who answer 503; Ashby retries).
    /// </summary>
    private async Task WriteWaitingAsync()
    {
        var batch = new List<Waiting>();
        while (!_disposing && await _waiting.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var count = 0;
            while (count < MaxBatch && _waiting.Reader.TryRead(out var next))
            {
                if (next.Done.Task.IsCompleted) continue; // its caller gave up
                batch.Add(next);
                count += next.Events.Count;
            }

            if (batch.Count > 0 && !_disposing) await WriteAsync(batch).ConfigureAwait(false);
            else foreach (var left in batch) left.Done.TrySetCanceled();
        }
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        try
        {
            if (_db is null)
            {
                var db = await database.ConnectWithoutCheckpointsAsync().ConfigureAwait(false); // checkpoints run off the request path
                // A write lock held elsewhere (a sync's transaction, another process) fails the batch after a few seconds,
                // within Ashby's patience, instead of the half minute other connections wait.
                await BoundLockWaitAsync(db).ConfigureAwait(false);
                _db = db;
            }

            var outcomes = await StoreBatchAsync(_db, [.. batch.SelectMany(w => w.Events)]).ConfigureAwait(false);
            var at = 0;
            foreach (var waiting in batch)
            {
                waiting.Done.TrySetResult(outcomes[at..(at + waiting.Events.Count)]);
                at += waiting.Events.Count;
            }

            if (batch.Any(w => w.Events.Any(e => e.State == WebhookEventState.Pending))) backlog.Wake.Notify();
        }
        catch (Exception ex)
        {
            // Nothing of the batch was stored: every caller fails and Ashby retries. The next batch starts on a fresh
            // connection, in case this one is what broke.
            foreach (var waiting in batch) waiting.Done.TrySetException(ex);
            if (_db is not null) await _db.DisposeAsync().ConfigureAwait(false);
            _db = null;
        }
    }

    private async Task<IntakeOutcome[]> StoreBatchAsync(
        DbConnection db, IReadOnlyList<(long ConnectionId, WebhookDelivery Delivery, string Body, WebhookEventState State)> events)
    {
        var outcomes = new IntakeOutcome[events.Count];
        _recent ??= await LoadRecentAsync(db).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync().ConfigureAwait(false);
        var now = timeProvider.NowMs();

        // One command for the whole batch, its parameters reset per event: SQLite compiles the statement once per
        // batch rather than once per delivery. PostgreSQL's unique index also catches what another hub stored.
        await using var insert = db.Command(transaction,
            "INSERT INTO webhook_events (connection_id, action, webhook_action_id, received_ms, body, state, attempts, next_attempt_ms, last_error, processed_ms) "
            + "VALUES (@connectionId, @action, @id, @now, @body, @state, 0, 0, @problem, @processed)"
            + (database.Provider == DatabaseProvider.Sqlite ? "" : " ON CONFLICT (connection_id, action, webhook_action_id) DO NOTHING"));
        insert.Add("@connectionId", (long?)null);
        insert.Add("@action", (string?)null);
        insert.Add("@id", (string?)null);
        insert.Add("@now", now);
        insert.Add("@body", (string?)null);
        insert.Add("@state", (string?)null);
        insert.Add("@problem", (string?)null);
        insert.Add("@processed", (long?)null);
        var stored = new HashSet<DeliveryKey>();
        for (var i = 0; i < events.Count; i++)
        {
            var (connectionId, delivery, body, state) = events[i];
            var key = new DeliveryKey(connectionId, delivery.Action, delivery.WebhookActionId);
            if (_recent.Contains(key) || !stored.Add(key))
            {
                outcomes[i] = IntakeOutcome.Duplicate;
                continue;
            }

            insert.Parameters["@connectionId"].Value = connectionId;
            insert.Parameters["@action"].Value = delivery.Action;
            insert.Parameters["@id"].Value = delivery.WebhookActionId;
            insert.Parameters["@body"].Value = body;
            insert.Parameters["@state"].Value = WebhookInbox.Text(state);
            insert.Parameters["@problem"].Value = (object?)delivery.Problem ?? DBNull.Value;
            insert.Parameters["@processed"].Value = state == WebhookEventState.Pending ? DBNull.Value : now;
            var inserted = await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
            outcomes[i] = inserted == 1 ? IntakeOutcome.Stored : IntakeOutcome.Duplicate;
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        foreach (var key in stored) _recent.Add(key, now); // only once durable: a failed batch is retried by Ashby in full
        return outcomes;
    }

    /// <summary>
    /// The keys of the deliveries stored within <see cref="RecentDeliveries.Window"/>, read newest first along the ids
    /// (which grow with arrival) until one is older, then remembered oldest first.
    /// </summary>
    private async Task<RecentDeliveries> LoadRecentAsync(DbConnection db)
    {
        var since = timeProvider.NowMs() - (long)RecentDeliveries.Window.TotalMilliseconds;
        var newestFirst = new List<(DeliveryKey Key, long ReceivedMs)>();
        await using (var command = db.Command(null, "SELECT connection_id, action, webhook_action_id, received_ms FROM webhook_events ORDER BY id DESC"))
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false) && reader.GetInt64(3) >= since)
            {
                newestFirst.Add((new DeliveryKey(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)), reader.GetInt64(3)));
            }
        }

        var recent = new RecentDeliveries();
        for (var i = newestFirst.Count - 1; i >= 0; i--) recent.Add(newestFirst[i].Key, newestFirst[i].ReceivedMs);
        return recent;
    }

    /// <summary>Counts a delivery refused for its signature (anything but <see cref="AshbyWebhookSignatureResult.Valid"/>).</summary>
    public async Task RejectAsync(long connectionId, AshbyWebhookSignatureResult check, CancellationToken cancellationToken = default)
    {
        await secrets.SecretAsync(connectionId, cancellationToken).ConfigureAwait(false); // the settings row exists from here on
        var (column, reason) = check == AshbyWebhookSignatureResult.Missing
            ? ("unsigned_count", "no Ashby-Signature header")
            : ("forged_count", "an Ashby-Signature that does not match the Secret Token");
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await BoundLockWaitAsync(db, cancellationToken).ConfigureAwait(false); // counted while Ashby waits for its answer
        await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE webhook_settings SET {column} = {column} + 1, last_rejected_ms = @now, last_rejection = @reason WHERE connection_id = @connectionId",
            new { connectionId, now = timeProvider.NowMs(), reason }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Waits for the batch being written, then closes the writer's connection; whoever still waits is cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        _waiting.Writer.TryComplete();
        Task? writer;
        lock (_starting) writer = _writer ??= Task.CompletedTask;
        await writer.ConfigureAwait(false);
        while (_waiting.Reader.TryRead(out var left)) left.Done.TrySetCanceled();
        if (_db is not null) await _db.DisposeAsync().ConfigureAwait(false);
        _db = null;
    }


    private sealed record Waiting(
        IReadOnlyList<(long ConnectionId, WebhookDelivery Delivery, string Body, WebhookEventState State)> Events, TaskCompletionSource<IntakeOutcome[]> Done);
}
