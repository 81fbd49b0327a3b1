using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Overview;

/// <summary>
/// The hub's heartbeat for the pages: counts the navigation shows, and a version that changes whenever something a page
/// draws live has changed (a new hire queued or decided, a webhook event received or processed, a pass progressing,
/// a delivery sent or failing, a notice posted or read). Cheap enough to ask every two seconds: a handful of indexed aggregates.
/// </summary>
public sealed class HubPulse(AshbridgeDatabase database)
{
    /// <summary>The pulse over the given connections (those the person may see).</summary>
    public async Task<PulseState> ReadAsync(IReadOnlyList<long> connectionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionIds);
        var parameters = new DynamicParameters();
        var ids = SqlList.In(parameters, "c", connectionIds);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        // Each aggregate reads an index, never a whole table: a hub with a million webhook events answers as fast as a new one.
        var hires = await db.QuerySingleAsync<(long Pending, long Rows, long LastUpdate, long LastDecision)>(new CommandDefinition(
            $"SELECT COALESCE(SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0), COUNT(*), COALESCE(MAX(updated_ms), 0), COALESCE(MAX(decided_ms), 0) FROM new_hires WHERE connection_id IN ({ids})",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var events = await db.QuerySingleAsync<(long LastId, long Waiting, long Dead)>(new CommandDefinition(
            $"SELECT (SELECT COALESCE(MAX(id), 0) FROM webhook_events WHERE connection_id IN ({ids})), "
            + $"(SELECT COUNT(*) FROM webhook_events WHERE state = 'pending' AND connection_id IN ({ids})), "
            + $"(SELECT COUNT(*) FROM webhook_events WHERE state = 'dead' AND connection_id IN ({ids}))",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var runs = await db.QuerySingleAsync<(long LastRun, long Progress)>(new CommandDefinition(
            $"SELECT COALESCE(MAX(r.id), 0), COALESCE(SUM(s.pages), 0) + COALESCE(SUM(CASE WHEN r.finished_ms IS NULL THEN 0 ELSE 1 END), 0) FROM sync_runs r LEFT JOIN sync_run_streams s ON s.run_id = r.id "
            + $"WHERE r.id = (SELECT MAX(id) FROM sync_runs WHERE connection_id IN ({ids}))",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var deliveries = await db.QuerySingleAsync<(long LastId, long Pending, long Failing)>(new CommandDefinition(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM outbound_deliveries), "
            + "(SELECT COUNT(*) FROM outbound_deliveries WHERE state = 'pending'), "
            + "(SELECT COUNT(*) FROM outbound_deliveries WHERE state = 'failed' OR (state = 'pending' AND attempts > 0))",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var notices = await db.QuerySingleAsync<(long LastId, long Unread)>(new CommandDefinition(
            $"SELECT COALESCE(MAX(id), 0), COALESCE(SUM(CASE WHEN read_ms IS NULL THEN 1 ELSE 0 END), 0) FROM notices WHERE connection_id IS NULL OR connection_id IN ({ids})",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var version = string.Join('.', hires.Pending, hires.Rows, hires.LastUpdate, hires.LastDecision, events.LastId, events.Waiting, events.Dead, runs.LastRun, runs.Progress, deliveries.LastId, deliveries.Pending, deliveries.Failing, notices.LastId, notices.Unread);
        return new PulseState(version, new PulseCounts(hires.Pending, events.Dead, deliveries.Failing, notices.Unread));
    }
}
