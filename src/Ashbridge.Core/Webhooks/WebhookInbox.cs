using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// The durable inbox: each connection's Secret Token (encrypted at rest), deliveries stored before Ashby is answered (a
/// duplicate is dropped by the keys of the last 48 hours, see <see cref="RecentDeliveries"/>, and on PostgreSQL by the
/// unique key too), refusals counted, and the events' processing state.
/// </summary>
public sealed class WebhookInbox(AshbridgeDatabase database, SecretProtector secrets, TimeProvider timeProvider)
{
    private const string EventColumns =
        "id AS Id, connection_id AS ConnectionId, action AS Action, webhook_action_id AS WebhookActionId, received_ms AS ReceivedMs, body AS Body, "
        + "state AS State, attempts AS Attempts, last_error AS LastError, processed_ms AS ProcessedMs";

    private readonly TimeProvider _time = timeProvider;
    private readonly ConcurrentDictionary<long, string> _secrets = new();
    private int _storing;
    private RecentDeliveries? _recent;

    /// <summary>The Data Protection purpose of Secret Tokens (apart from API keys, so one can never decrypt as the other).</summary>
    public const string SecretPurpose = "Ashbridge.Webhooks.SecretToken.v1";

    /// <summary>
    /// How long the intake's commands wait for SQLite's write lock: Ashby gives up on a delivery after a few seconds, so
    /// one that waited longer was lost to it anyway; failing sooner lets the intake answer 503, which Ashby retries.
    /// </summary>
    public static readonly TimeSpan IntakeLockWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Makes a SQLite connection's commands give up on a write lock another connection holds after <see cref="IntakeLockWait"/>
    /// (a no-op on PostgreSQL). Both waits are shortened: SQLite's own busy handler, which runs inside the step and which a
    /// cancellation token does not reach, and the driver's retry loop after it, bounded by the command timeout.
    /// </summary>
    public static async Task BoundLockWaitAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.DefaultTimeout = (int)IntakeLockWait.TotalSeconds; // commands made later, and BEGIN's own, take this
        await using var pragma = sqlite.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {(int)IntakeLockWait.TotalMilliseconds};";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An inbox whose secrets are encrypted with the key ring beside the database.</summary>
    public static WebhookInbox For(AshbridgeDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new WebhookInbox(database, SecretProtector.ForDataFolder(database.Location.DataFolder, SecretPurpose), timeProvider);
    }

    /// <summary>The connection's Secret Token, made on first use. Cached: every delivery needs it.</summary>
    public async Task<string> SecretAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        if (_secrets.TryGetValue(connectionId, out var cached)) return cached;
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT secret_protected FROM webhook_settings WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (stored is null)
        {
            var fresh = NewSecret();
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO webhook_settings (connection_id, secret_protected, created_ms) VALUES (@connectionId, @secret, @now) ON CONFLICT (connection_id) DO NOTHING",
                new { connectionId, secret = secrets.Protect(fresh), now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            stored = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT secret_protected FROM webhook_settings WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var secret = secrets.Unprotect(stored!, $"webhook Secret Token of connection {connectionId}");
        return _secrets[connectionId] = secret;
    }

    /// <summary>Replaces the Secret Token; Ashby's webhooks must be given the new one.</summary>
    public async Task<string> RotateSecretAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await SecretAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var fresh = NewSecret();
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_settings SET secret_protected = @secret WHERE connection_id = @connectionId",
            new { connectionId, secret = secrets.Protect(fresh) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return _secrets[connectionId] = fresh;
    }

    /// <summary>Stores a delivery whose signature was checked; a second copy of the same event changes nothing.</summary>
    public async Task<IntakeOutcome> StoreAsync(long connectionId, WebhookDelivery delivery, string body, WebhookEventState state, CancellationToken cancellationToken = default) =>
        (await StoreManyAsync([(connectionId, delivery, body, state)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Stores several checked deliveries in one transaction (the intake's group commit: one durable write for every
    /// delivery that arrived meanwhile); returns each one's outcome, in order. Either all are stored or none is.
    /// </summary>
    public async Task<IReadOnlyList<IntakeOutcome>> StoreManyAsync(
        IReadOnlyList<(long ConnectionId, WebhookDelivery Delivery, string Body, WebhookEventState State)> events, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await StoreManyAsync(connection, events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="StoreManyAsync(IReadOnlyList{ValueTuple{long, WebhookDelivery, string, WebhookEventState}}, CancellationToken)"/> on a
    /// connection the caller keeps open between batches (opening one, and reading the schema, cost more than a batch).
    /// </summary>
    public async Task<IReadOnlyList<IntakeOutcome>> StoreManyAsync(
        DbConnection connection, IReadOnlyList<(long ConnectionId, WebhookDelivery Delivery, string Body, WebhookEventState State)> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return [];

        // The window of recent keys is checked and extended by one batch at a time (the hub's WebhookWriter stores alone).
        if (Interlocked.Exchange(ref _storing, 1) == 1) throw new InvalidOperationException("The inbox stores one batch at a time; queue deliveries through one writer.");
        try
        {
            return await StoreOneBatchAsync(connection, events, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _storing, 0);
        }
    }

    private async Task<IReadOnlyList<IntakeOutcome>> StoreOneBatchAsync(
        DbConnection connection, IReadOnlyList<(long ConnectionId, WebhookDelivery Delivery, string Body, WebhookEventState State)> events, CancellationToken cancellationToken)
    {
        var outcomes = new IntakeOutcome[events.Count];
        _recent ??= await LoadRecentAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();

        // One command for the whole batch, its parameters reset per event: SQLite compiles the statement once per
        // batch rather than once per delivery. PostgreSQL's unique index also catches what another hub stored.
        await using var insert = connection.Command(transaction,
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
            insert.Parameters["@state"].Value = Text(state);
            insert.Parameters["@problem"].Value = (object?)delivery.Problem ?? DBNull.Value;
            insert.Parameters["@processed"].Value = state == WebhookEventState.Pending ? DBNull.Value : now;
            var inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            outcomes[i] = inserted == 1 ? IntakeOutcome.Stored : IntakeOutcome.Duplicate;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in stored) _recent.Add(key, now); // only once durable: a failed batch is retried by Ashby in full
        return outcomes;
    }

    /// <summary>
    /// The keys of the deliveries stored within <see cref="RecentDeliveries.Window"/>, read newest first along the ids
    /// (which grow with arrival) until one is older, then remembered oldest first.
    /// </summary>
    private async Task<RecentDeliveries> LoadRecentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var since = Now() - (long)RecentDeliveries.Window.TotalMilliseconds;
        var newestFirst = new List<(DeliveryKey Key, long ReceivedMs)>();
        await using (var command = connection.Command(null, "SELECT connection_id, action, webhook_action_id, received_ms FROM webhook_events ORDER BY id DESC"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(3) >= since)
            {
                newestFirst.Add((new DeliveryKey(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)), reader.GetInt64(3)));
            }
        }

        var recent = new RecentDeliveries();
        for (var i = newestFirst.Count - 1; i >= 0; i--) recent.Add(newestFirst[i].Key, newestFirst[i].ReceivedMs);
        return recent;
    }

    /// <summary>Counts a delivery refused for its signature.</summary>
    public async Task RejectAsync(long connectionId, SignatureCheck check, CancellationToken cancellationToken = default)
    {
        await SecretAsync(connectionId, cancellationToken).ConfigureAwait(false); // the settings row exists from here on
        var (column, reason) = check == SignatureCheck.Missing
            ? ("unsigned_count", "no Ashby-Signature header")
            : ("forged_count", "an Ashby-Signature that does not match the Secret Token");
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await BoundLockWaitAsync(connection, cancellationToken).ConfigureAwait(false); // counted while Ashby waits for its answer
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE webhook_settings SET {column} = {column} + 1, last_rejected_ms = @now, last_rejection = @reason WHERE connection_id = @connectionId",
            new { connectionId, now = Now(), reason }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Deliveries refused so far.</summary>
    public async Task<WebhookRejections> RejectionsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(long WithoutSignature, long Forged, long? LastMs, string? Last)>(new CommandDefinition(
            "SELECT unsigned_count, forged_count, last_rejected_ms, last_rejection FROM webhook_settings WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new WebhookRejections(row.WithoutSignature, row.Forged, row.LastMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, row.Last);
    }

    /// <summary>The last delivery per type, newest first.</summary>
    public async Task<IReadOnlyList<WebhookTypeActivity>> ActivityAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Action, long LastMs, long Count)>(new CommandDefinition(
            "SELECT action, MAX(received_ms), COUNT(*) FROM webhook_events WHERE connection_id = @connectionId GROUP BY action ORDER BY 2 DESC",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new WebhookTypeActivity(r.Action, DateTimeOffset.FromUnixTimeMilliseconds(r.LastMs), r.Count))];
    }

    /// <summary>The connection's latest events, optionally in one state, newest first.</summary>
    public async Task<IReadOnlyList<WebhookEvent>> RecentAsync(long connectionId, WebhookEventState? state = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {EventColumns} FROM webhook_events WHERE connection_id = @connectionId" + (state is null ? "" : " AND state = @state") + " ORDER BY id DESC LIMIT @limit",
            new { connectionId, state = state is { } s ? Text(s) : null, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEvent())];
    }

    /// <summary>Pending events whose (next) attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookEvent>> DueAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {EventColumns} FROM webhook_events WHERE state = 'pending' AND next_attempt_ms <= @now ORDER BY id LIMIT @limit",
            new { now = Now(), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEvent())];
    }

    /// <summary>When the next pending event falls due, if any is waiting on a retry.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var ms = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(next_attempt_ms) FROM webhook_events WHERE state = 'pending'", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
    }

    /// <summary>Marks events applied, in one transaction (one write lock taken, not one per event).</summary>
    public async Task MarkProcessedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return;
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        foreach (var chunk in ids.Chunk(500))
        {
            // The ids are numbers from this table, so they go in as literals: the same SQL on both databases.
            var list = string.Join(",", chunk.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE webhook_events SET state = 'processed', processed_ms = @now, last_error = NULL WHERE id IN ({list})",
                new { now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failed attempt: the event waits for <paramref name="retryAt"/>, or becomes dead when that is null.</summary>
    public async Task MarkFailedAsync(long id, int attempts, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_events SET state = @state, attempts = @attempts, last_error = @error, next_attempt_ms = @next WHERE id = @id",
            new { id, attempts, error, state = retryAt is null ? "dead" : "pending", next = retryAt?.ToUnixTimeMilliseconds() ?? 0 }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Puts dead events (one, or all of the connection's) back in the queue with fresh attempts; returns how many.</summary>
    public async Task<int> ReplayAsync(long connectionId, long? eventId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_events SET state = 'pending', attempts = 0, next_attempt_ms = 0 WHERE connection_id = @connectionId AND state = 'dead'"
            + (eventId is null ? "" : " AND id = @eventId"),
            new { connectionId, eventId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    internal static string Text(WebhookEventState state) => state.ToString().ToLowerInvariant();

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class EventRow
    {
        public long Id { get; set; }
        public long ConnectionId { get; set; }
        public string Action { get; set; } = "";
        public string WebhookActionId { get; set; } = "";
        public long ReceivedMs { get; set; }
        public string Body { get; set; } = "";
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public string? LastError { get; set; }
        public long? ProcessedMs { get; set; }

        public WebhookEvent ToEvent() => new(
            Id, ConnectionId, Action, WebhookActionId, DateTimeOffset.FromUnixTimeMilliseconds(ReceivedMs), Body,
            Enum.Parse<WebhookEventState>(State, ignoreCase: true), (int)Attempts, LastError,
            ProcessedMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
