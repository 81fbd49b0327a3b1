using System.Data.Common;
using System.Security.Cryptography;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Queues;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Outbound;

/// <summary>
/// The outbound endpoint and the delivery log. Deliveries are queued in the same transaction as what they announce,
/// so an added member is never lost between the database and the network; the dispatcher sends them. The log is a
/// durable queue (<see cref="QueueTable"/> over <c>outbound_deliveries</c>, a failed delivery being its dead letter).
/// </summary>
public sealed class OutboundDeliveries(AshbridgeDatabase database, SecretProtector protector, TimeProvider timeProvider)
{
    private static readonly QueueTable Table = new("outbound_deliveries", "failed", DeadNextAttemptMs: null);

    /// <summary>The Data Protection purpose of the endpoint's secret (apart from the API keys').</summary>
    public const string SecretPurpose = "Ashbridge.Outbound.Secret.v1";
    private readonly TimeProvider _time = timeProvider;

    /// <summary>Notified after a delivery is queued or sent again, so the dispatcher sends it at once instead of at its next look.</summary>
    public QueueSignal Wake { get; } = new();

    /// <summary>The endpoint, or <see langword="null"/> when none is set.</summary>
    public async Task<OutboundEndpoint?> GetEndpointAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<(string Url, bool Enabled, long UpdatedMs)?>(new CommandDefinition(
            "SELECT url, enabled, updated_ms FROM outbound_endpoints WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new OutboundEndpoint(r.Url, r.Enabled, DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs)) : null;
    }

    /// <summary>Sets the endpoint. A new secret is generated on the first set or when <paramref name="rotateSecret"/>; it is returned once, never again.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL.</exception>
    public async Task<string?> SetEndpointAsync(string url, bool enabled, bool rotateSecret = false, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL; give the address your HR system receives webhooks on.", nameof(url));
        }

        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var exists = await db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM outbound_endpoints WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        var now = _time.NowMs();
        string? secret = null;
        if (!exists || rotateSecret) secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        if (!exists)
        {
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO outbound_endpoints (id, url, secret_protected, enabled, updated_ms) VALUES (1, @url, @secret, @enabled, @now)",
                new { url = uri.ToString(), secret = protector.Protect(secret!), enabled, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        else
        {
            await db.ExecuteAsync(new CommandDefinition(
                $"UPDATE outbound_endpoints SET url = @url, enabled = @enabled, updated_ms = @now{(secret is null ? "" : ", secret_protected = @secret")} WHERE id = 1",
                new { url = uri.ToString(), enabled, now, secret = secret is null ? null : protector.Protect(secret) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return secret;
    }

    /// <summary>Queues a delivery inside the caller's transaction, if an endpoint is set and enabled; returns its id.</summary>
    internal async Task<long?> EnqueueAsync(DbConnection db, DbTransaction transaction, long? memberId, string eventType, string payload, CancellationToken cancellationToken)
    {
        var enabled = await db.ExecuteScalarAsync<bool?>(new CommandDefinition(
            "SELECT enabled FROM outbound_endpoints WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (enabled != true) return null;
        var now = _time.NowMs();
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO outbound_deliveries (member_id, event_type, payload, state, attempts, next_attempt_ms, created_ms)
            VALUES (@memberId, @eventType, @payload, 'pending', 0, @now, @now) RETURNING id
            """, new { memberId, eventType, payload, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Tells the dispatcher that deliveries are waiting (call after the queuing transaction commits).</summary>
    internal void Signal() => Wake.Notify();

    private const string DeliveryColumns =
        "d.id AS Id, d.member_id AS MemberId, d.event_type AS EventType, d.state AS State, d.attempts AS Attempts, d.next_attempt_ms AS NextMs, d.last_status AS Status, "
        + "d.last_error AS Error, d.created_ms AS CreatedMs, d.delivered_ms AS DeliveredMs, m.first_name AS FirstName, m.last_name AS LastName";

    private const string DeliveryFrom = "outbound_deliveries d LEFT JOIN members m ON m.id = d.member_id";

    /// <summary>The latest deliveries, newest first.</summary>
    public async Task<IReadOnlyList<OutboundDelivery>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"SELECT {DeliveryColumns} FROM {DeliveryFrom} ORDER BY d.id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDelivery())];
    }

    /// <summary>One page of the log, newest first, of one state or all (<see langword="null"/>).</summary>
    public async Task<OutboundDeliveryPage> LogAsync(OutboundDeliveryState? state, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(pageSize, 1, 500);
        var stateText = state?.ToString().ToLowerInvariant();
        var where = stateText is null ? "" : " WHERE d.state = @state";
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var total = (int)await db.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM outbound_deliveries d{where}", new { state = stateText }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var current = Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await db.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"SELECT {DeliveryColumns} FROM {DeliveryFrom}{where} ORDER BY d.id DESC LIMIT @limit OFFSET @offset",
            new { state = stateText, limit = size, offset = (long)(current - 1) * size }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new OutboundDeliveryPage([.. rows.Select(r => r.ToDelivery())], total, current, size);
    }

    /// <summary>A member's deliveries, newest first (the member's page shows whether and when they were sent).</summary>
    public async Task<IReadOnlyList<OutboundDelivery>> ForMemberAsync(long memberId, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"SELECT {DeliveryColumns} FROM {DeliveryFrom} WHERE d.member_id = @memberId ORDER BY d.id DESC LIMIT @limit", new { memberId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDelivery())];
    }

    /// <summary>How many deliveries are in each state, and how many active members were never sent.</summary>
    public async Task<OutboundCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var counts = (await db.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM outbound_deliveries GROUP BY state", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(r => r.State, r => (int)r.Count, StringComparer.Ordinal);
        var undelivered = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM members m WHERE {Members.MemberDirectory.UndeliveredCondition}", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new OutboundCounts(counts.GetValueOrDefault("pending"), counts.GetValueOrDefault("delivered"), counts.GetValueOrDefault("failed"), (int)undelivered);
    }

    /// <summary>
    /// Queues <c>member.added</c> for every active member with no delivery at all (added before the endpoint existed, or while
    /// it was switched off), in one transaction; returns how many were queued (none when no endpoint is set and enabled).
    /// </summary>
    public async Task<int> SendUndeliveredAsync(string actor, CancellationToken cancellationToken = default)
    {
        int queued = 0;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var member in await Members.MemberDirectory.UndeliveredAsync(db, transaction, cancellationToken).ConfigureAwait(false))
            {
                if (await EnqueueAsync(db, transaction, member.Id, "member.added", member.ToJson(), cancellationToken).ConfigureAwait(false) is null) break;
                queued++;
            }

            if (queued > 0)
            {
                await Access.AuditLog.WriteAsync(db, transaction, _time.NowAsStored(), actor, "outbound.send-undelivered", "outbound", $"{queued} members queued", cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (queued > 0) Signal();
        return queued;
    }

    /// <summary>Sends a failed delivery again, from a fresh count of attempts; false when there is no failed delivery with that id.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var changed = await Table.ReplayAsync(db, "id = @id", new { id }, _time.NowMs(), cancellationToken).ConfigureAwait(false);
            if (changed == 0) return false;
        }

        Signal();
        return true;
    }

    private sealed class DeliveryRow
    {
        public long Id { get; set; }
        public long? MemberId { get; set; }
        public string EventType { get; set; } = "";
        public string State { get; set; } = "";
        public int Attempts { get; set; }
        public long? NextMs { get; set; }
        public int? Status { get; set; }
        public string? Error { get; set; }
        public long CreatedMs { get; set; }
        public long? DeliveredMs { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }

        public OutboundDelivery ToDelivery() => new(
            Id, MemberId, EventType, Enum.Parse<OutboundDeliveryState>(State, true), Attempts, NextMs is { } n ? DateTimeOffset.FromUnixTimeMilliseconds(n) : null, Status, Error,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs), DeliveredMs is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null)
        {
            MemberName = FirstName is null ? null : $"{FirstName} {LastName}",
        };
    }

    internal sealed record Due(long Id, string EventType, string Payload, int Attempts);

    internal async Task<(string Url, string Secret, IReadOnlyList<Due> Due)?> DueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = await db.QuerySingleOrDefaultAsync<(string Url, string Secret, bool Enabled)?>(new CommandDefinition(
            "SELECT url, secret_protected, enabled FROM outbound_endpoints WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (endpoint is not { Enabled: true } e) return null;
        var due = await db.QueryAsync<(long Id, string EventType, string Payload, int Attempts)>(new CommandDefinition(
            Table.SelectDue("id, event_type, payload, attempts"),
            new { now = _time.NowMs(), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (e.Url, protector.Unprotect(e.Secret, "outbound endpoint secret"), [.. due.Select(d => new Due(d.Id, d.EventType, d.Payload, d.Attempts))]);
    }

    /// <summary>When the next pending delivery is due, or <see langword="null"/> when none is waiting.</summary>
    internal async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await Table.NextDueAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a delivered delivery.</summary>
    internal async Task RecordDeliveredAsync(long id, int attempts, int status, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbound_deliveries SET state = 'delivered', attempts = @attempts, last_status = @status, last_error = NULL,
                next_attempt_ms = NULL, delivered_ms = @now WHERE id = @id
            """,
            new { id, attempts, status, now = _time.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Records a failed attempt: the delivery waits for <paramref name="retryAt"/>, or is failed (a dead letter) when that is null.</summary>
    internal async Task RecordFailedAsync(long id, int attempts, int? status, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await Table.RecordFailureAsync(db, id, attempts, error, retryAt, cancellationToken, ("last_status", status)).ConfigureAwait(false);
    }
}
