using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;

namespace Ashbridge.Core.OpenRoles;

/// <summary>
/// "Import now" and the 6-hourly import (as The Org does it, for connections without webhooks): an incremental pass of
/// the connection's jobs, postings and openings, then a rebuild of its open roles, recorded even when nothing changed.
/// Also reads the history of imports.
/// </summary>
public sealed class OpenRoleImports(AshbridgeDatabase database, ConnectionSync sync, OpenRoleImporter importer, TimeProvider timeProvider)
{
    /// <summary>The streams an import re-reads before it rebuilds.</summary>
    public static IReadOnlyList<string> Streams { get; } = [MirrorStreams.Jobs.Name, MirrorStreams.JobPostings.Name, MirrorStreams.Openings.Name];

    /// <summary>Re-reads the connection's jobs, postings and openings from Ashby, then rebuilds its open roles.</summary>
    /// <param name="trigger"><see cref="OpenRoleImporter.ManualTrigger"/> or <see cref="OpenRoleImporter.ScheduleTrigger"/>.</param>
    /// <returns>The recorded import; when the pass failed, a failed import saying why (the roles are left as they were).</returns>
    /// <exception cref="Connections.ConnectionNotFoundException">No such connection.</exception>
    public async Task<OpenRoleImportResult> ImportNowAsync(long connectionId, string trigger = OpenRoleImporter.ManualTrigger, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.NowAsStored();
        try
        {
            var run = await OpenRoleImporter.WithoutFollowingAsync(
                () => sync.RunAsync(connectionId, new SyncRequest(SyncMode.Incremental, "open-roles", Streams), null, cancellationToken)).ConfigureAwait(false);
            if (run.Outcome == SyncOutcome.Failed)
            {
                return await importer.RecordFailureAsync(connectionId, trigger, started,
                    $"The pass of jobs, postings and openings failed (run {run.RunId}): {run.Error ?? "its run history says which streams and why"}. Nothing was changed.",
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SyncAlreadyRunningException)
        {
            // A pass of this connection is running; it tells the importer what it changes. The rebuild below uses the mirror as it is.
        }

        return await importer.ImportAsync(connectionId, trigger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection's imports, newest first.</summary>
    public async Task<IReadOnlyList<OpenRoleImportResult>> ListAsync(long connectionId, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, connection_id AS ConnectionId, trigger AS Trigger, started_ms AS StartedMs, finished_ms AS FinishedMs,
                   new_count AS NewCount, changed_count AS ChangedCount, closed_count AS ClosedCount, error AS Error
            FROM open_role_imports WHERE connection_id = @connectionId ORDER BY id DESC LIMIT @limit
            """, new { connectionId, limit = Math.Clamp(limit, 1, 500) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToResult())];
    }

    /// <summary>The connection's latest import, or <see langword="null"/>.</summary>
    public async Task<OpenRoleImportResult?> FindLatestAsync(long connectionId, CancellationToken cancellationToken = default) =>
        await ListAsync(connectionId, 1, cancellationToken).ConfigureAwait(false) is [var latest] ? latest : null;

    /// <summary>
    /// When the connection's open roles were last rebuilt successfully (after a pass, a webhook, the schedule or Import
    /// now, recorded in the history or not), or <see langword="null"/> before the first: what the staleness alert measures.
    /// </summary>
    public async Task<DateTimeOffset?> FindLastRefreshedAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var ms = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT refreshed_ms FROM open_role_refreshes WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ms is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null;
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long ConnectionId { get; init; }
        public string Trigger { get; init; } = "";
        public long StartedMs { get; init; }
        public long FinishedMs { get; init; }
        public int NewCount { get; init; }
        public int ChangedCount { get; init; }
        public int ClosedCount { get; init; }
        public string? Error { get; init; }

        public OpenRoleImportResult ToResult() => new(
            Id, ConnectionId, Trigger, DateTimeOffset.FromUnixTimeMilliseconds(StartedMs), DateTimeOffset.FromUnixTimeMilliseconds(FinishedMs),
            NewCount, ChangedCount, ClosedCount, Error);
    }
}
