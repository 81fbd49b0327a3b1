using System.Data.Common;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Sync;

/// <summary>Reads the run history and each stream's stored state, for <c>ashbridge status</c>, the API and the UI.</summary>
public sealed class SyncHistory(AshbridgeDatabase database)
{
    /// <summary>The connection's newest run with its streams, or null before its first.</summary>
    public async Task<SyncRunResult?> LastRunAsync(long connectionId, CancellationToken cancellationToken = default) =>
        (await ListRunsAsync(connectionId, 1, cancellationToken).ConfigureAwait(false)) is [var last, ..] ? last : null;

    /// <summary>The newest runs of a connection, newest first, with their streams.</summary>
    public async Task<IReadOnlyList<SyncRunResult>> ListRunsAsync(long connectionId, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var runs = (await db.QueryAsync<RunRow>(new CommandDefinition(
            "SELECT id AS Id, connection_id AS ConnectionId, trigger AS Trigger, requested_mode AS RequestedMode, outcome AS Outcome, started_ms AS Started, "
            + "finished_ms AS Finished, error AS Error FROM sync_runs WHERE connection_id = @connectionId ORDER BY id DESC LIMIT @limit",
            new { connectionId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var results = new List<SyncRunResult>(runs.Count);
        foreach (var run in runs) results.Add(await ToResultAsync(db, run, cancellationToken).ConfigureAwait(false));
        return results;
    }

    /// <summary>One run, or null.</summary>
    public async Task<SyncRunResult?> GetRunAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var run = await db.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            "SELECT id AS Id, connection_id AS ConnectionId, trigger AS Trigger, requested_mode AS RequestedMode, outcome AS Outcome, started_ms AS Started, "
            + "finished_ms AS Finished, error AS Error FROM sync_runs WHERE id = @runId",
            new { runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return run is null ? null : await ToResultAsync(db, run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every stream's stored state and row counts (live and marked deleted).</summary>
    public async Task<IReadOnlyList<StreamState>> StreamStatesAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var stored = (await db.QueryAsync<StateRow>(new CommandDefinition(
            "SELECT stream AS Stream, sync_token AS SyncToken, pass_mode AS PassMode, full_passes_completed AS FullPassesCompleted, last_full_ms AS LastFull, "
            + "last_incremental_ms AS LastIncremental, skipped_reason AS SkippedReason FROM sync_streams WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(s => s.Stream, StringComparer.Ordinal);

        var states = new List<StreamState>();
        foreach (var stream in MirrorStreams.All)
        {
            var counts = await db.QuerySingleAsync<CountRow>(new CommandDefinition(
                $"SELECT COUNT(*) AS Total, COUNT(deleted_ms) AS Deleted FROM {stream.Table} WHERE connection_id = @connectionId",
                new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            stored.TryGetValue(stream.Name, out var s);
            states.Add(new StreamState(
                stream.Name,
                s?.SyncToken is not null,
                s?.PassMode is { } mode ? StoredText.Parse<StreamPassMode>(mode) : null,
                s?.FullPassesCompleted ?? 0,
                s?.LastFull,
                s?.LastIncremental,
                s?.SkippedReason,
                counts.Total - counts.Deleted,
                counts.Deleted));
        }

        return states;
    }

    private static async Task<SyncRunResult> ToResultAsync(DbConnection db, RunRow run, CancellationToken cancellationToken)
    {
        var streams = await db.QueryAsync<StreamRow>(new CommandDefinition(
            "SELECT stream AS Stream, mode AS Mode, outcome AS Outcome, restarted_because AS RestartedBecause, pages AS Pages, new_count AS New, changed_count AS Changed, "
            + "unchanged_count AS Unchanged, deleted_count AS Deleted, started_ms AS StartedMs, finished_ms AS FinishedMs, error AS Error FROM sync_run_streams WHERE run_id = @Id",
            new { run.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var order = MirrorStreams.All.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return new SyncRunResult(
            run.Id, run.ConnectionId, run.Trigger, StoredText.Parse<SyncMode>(run.RequestedMode), StoredText.Parse<SyncOutcome>(run.Outcome),
            run.Started, run.Finished, run.Error,
            streams.OrderBy(s => order.GetValueOrDefault(s.Stream, int.MaxValue)).Select(s => new StreamRunResult(
                s.Stream, StoredText.Parse<StreamPassMode>(s.Mode), s.Outcome == "running" ? StreamOutcome.Failed : StoredText.Parse<StreamOutcome>(s.Outcome), s.RestartedBecause,
                (int)s.Pages, s.New, s.Changed, s.Unchanged, s.Deleted,
                TimeSpan.FromMilliseconds((s.FinishedMs ?? s.StartedMs) - s.StartedMs), s.Error)).ToList());
    }

    private sealed class RunRow
    {
        public long Id { get; set; }
        public long ConnectionId { get; set; }
        public string Trigger { get; set; } = "";
        public string RequestedMode { get; set; } = "";
        public string Outcome { get; set; } = "";
        public DateTimeOffset Started { get; set; }
        public DateTimeOffset? Finished { get; set; }
        public string? Error { get; set; }
    }

    private sealed class StreamRow
    {
        public string Stream { get; set; } = "";
        public string Mode { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? RestartedBecause { get; set; }
        public long Pages { get; set; }
        public long New { get; set; }
        public long Changed { get; set; }
        public long Unchanged { get; set; }
        public long Deleted { get; set; }
        public long StartedMs { get; set; }
        public long? FinishedMs { get; set; }
        public string? Error { get; set; }
    }

    private sealed class StateRow
    {
        public string Stream { get; set; } = "";
        public string? SyncToken { get; set; }
        public string? PassMode { get; set; }
        public long FullPassesCompleted { get; set; }
        public DateTimeOffset? LastFull { get; set; }
        public DateTimeOffset? LastIncremental { get; set; }
        public string? SkippedReason { get; set; }
    }

    private sealed class CountRow
    {
        public long Total { get; set; }
        public long Deleted { get; set; }
    }
}
