using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// What the inbox holds, for the pages and the API: refusals counted, deliveries per type, the latest events. The way in
/// is <see cref="WebhookIntakeStore"/>, the Secret Tokens are <see cref="WebhookSecrets"/>, and processing, retries and
/// replay are <see cref="WebhookBacklog"/>'s.
/// </summary>
public sealed class WebhookInbox(AshbridgeDatabase database)
{
    internal const string EventColumns =
        "id AS Id, connection_id AS ConnectionId, action AS Action, webhook_action_id AS WebhookActionId, received_ms AS ReceivedMs, body AS Body, "
        + "state AS State, attempts AS Attempts, last_error AS LastError, processed_ms AS ProcessedMs";

    /// <summary>Deliveries refused so far.</summary>
    public async Task<WebhookRejections> RejectionsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<(long WithoutSignature, long Forged, long? LastMs, string? Last)>(new CommandDefinition(
            "SELECT unsigned_count, forged_count, last_rejected_ms, last_rejection FROM webhook_settings WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new WebhookRejections(row.WithoutSignature, row.Forged, row.LastMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, row.Last);
    }

    /// <summary>The last delivery per type, newest first.</summary>
    public async Task<IReadOnlyList<WebhookTypeActivity>> ActivityAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<(string Action, long LastMs, long Count)>(new CommandDefinition(
            "SELECT action, MAX(received_ms), COUNT(*) FROM webhook_events WHERE connection_id = @connectionId GROUP BY action ORDER BY 2 DESC",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new WebhookTypeActivity(r.Action, DateTimeOffset.FromUnixTimeMilliseconds(r.LastMs), r.Count))];
    }

    /// <summary>The connection's latest events, optionally in one state, newest first.</summary>
    public async Task<IReadOnlyList<WebhookEvent>> RecentAsync(long connectionId, WebhookEventState? state = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {EventColumns} FROM webhook_events WHERE connection_id = @connectionId" + (state is null ? "" : " AND state = @state") + " ORDER BY id DESC LIMIT @limit",
            new { connectionId, state = state is { } s ? Text(s) : null, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEvent())];
    }

    /// <summary>
    /// One page of the events of <paramref name="connectionIds"/>, optionally in one state, newest first and without their
    /// bodies, with how many match and how many are in each state. Paged here, in the database, not by the page.
    /// </summary>
    /// <param name="connectionIds">The connections whose events are listed (those the person may see).</param>
    /// <param name="state">Only events in this state; all when null.</param>
    /// <param name="offset">Events to skip (newest first).</param>
    /// <param name="limit">Events on the page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<WebhookEventPage> PageAsync(IReadOnlyList<long> connectionIds, WebhookEventState? state, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionIds);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var parameters = new DynamicParameters(new { state = state is { } s ? Text(s) : null, offset, limit });
        var ids = SqlList.In(parameters, "c", connectionIds);
        var where = $"connection_id IN ({ids})" + (state is null ? "" : " AND state = @state");
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT id AS Id, connection_id AS ConnectionId, action AS Action, webhook_action_id AS WebhookActionId, received_ms AS ReceivedMs, '' AS Body, "
            + $"state AS State, attempts AS Attempts, last_error AS LastError, processed_ms AS ProcessedMs FROM webhook_events WHERE {where} ORDER BY id DESC LIMIT @limit OFFSET @offset",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var counts = await db.QueryAsync<(string State, long Count)>(new CommandDefinition(
            $"SELECT state, COUNT(*) FROM webhook_events WHERE connection_id IN ({ids}) GROUP BY state", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var byState = Enum.GetValues<WebhookEventState>().ToDictionary(s => s, _ => 0L);
        foreach (var (text, count) in counts)
        {
            if (Enum.TryParse<WebhookEventState>(text, ignoreCase: true, out var known)) byState[known] = count;
        }

        var total = state is { } only ? byState[only] : byState.Values.Sum();
        return new WebhookEventPage([.. rows.Select(r => r.ToEvent())], total, byState);
    }

    internal static string Text(WebhookEventState state) => state.ToString().ToLowerInvariant();

    internal sealed class EventRow
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
