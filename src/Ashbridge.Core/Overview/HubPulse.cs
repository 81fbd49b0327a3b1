using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Overview;

/// <summary>
/// The hub's heartbeat for the pages: counts the navigation shows, and a version that changes whenever something a page
/// draws live has changed (a new hire queued or decided, a webhook event received or processed, a pass progressing,
/// a delivery sent or failing). Cheap enough to ask every two seconds: a handful of indexed aggregates.
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
        var hires = await db.QuerySingleAsync<(long Pending, long Changes)>(new CommandDefinition(
            $"SELECT COALESCE(SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0), COALESCE(SUM(updated_ms), 0) + COUNT(*) + COALESCE(SUM(decided_ms), 0) FROM new_hires WHERE connection_id IN ({ids})",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var events = await db.QuerySingleAsync<(long Dead, long LastId, long Processed)>(new CommandDefinition(
            $"SELECT COALESCE(SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), 0), COALESCE(MAX(id), 0), COALESCE(SUM(attempts), 0) + COALESCE(MAX(processed_ms), 0) FROM webhook_events WHERE connection_id IN ({ids})",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var runs = await db.QuerySingleAsync<(long LastRun, long Progress)>(new CommandDefinition(
            $"SELECT COALESCE(MAX(r.id), 0), COALESCE(SUM(s.pages), 0) + COALESCE(SUM(CASE WHEN r.finished_ms IS NULL THEN 0 ELSE 1 END), 0) FROM sync_runs r LEFT JOIN sync_run_streams s ON s.run_id = r.id "
            + $"WHERE r.connection_id IN ({ids}) AND r.id >= (SELECT COALESCE(MAX(id), 0) FROM sync_runs WHERE connection_id IN ({ids}))",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var deliveries = await db.QuerySingleAsync<(long Failing, long Changes)>(new CommandDefinition(
            "SELECT COALESCE(SUM(CASE WHEN state = 'failed' OR (state = 'pending' AND attempts > 0) THEN 1 ELSE 0 END), 0), COUNT(*) + COALESCE(SUM(attempts), 0) FROM outbound_deliveries",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var version = string.Join('.', hires.Pending, hires.Changes, events.Dead, events.LastId, events.Processed, runs.LastRun, runs.Progress, deliveries.Failing, deliveries.Changes);
        return new PulseState(version, new PulseCounts(hires.Pending, events.Dead, deliveries.Failing));
    }
}
