using System.Data.Common;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Sync;

/// <summary>Writes the run history: a <c>sync_runs</c> row per run, a <c>sync_run_streams</c> row per stream in it.</summary>
internal static class RunRecorder
{
    /// <summary>Runs of this connection still marked running died with their process (the caller holds the lock).</summary>
    public static Task MarkInterruptedAsync(DbConnection db, long connectionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_runs SET outcome = 'interrupted', finished_ms = @now, error = 'The process stopped before the run ended; the next run resumed from its checkpoints.' "
            + "WHERE connection_id = @connectionId AND outcome = 'running'",
            new { connectionId, now }, cancellationToken: cancellationToken));

    public static Task<long> StartRunAsync(DbConnection db, long connectionId, SyncRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO sync_runs (connection_id, trigger, requested_mode, outcome, started_ms) VALUES (@connectionId, @trigger, @mode, 'running', @now) RETURNING id",
            new { connectionId, trigger = request.Trigger, mode = StoredText.Of(request.Mode), now }, cancellationToken: cancellationToken));

    public static Task FinishRunAsync(DbConnection db, long runId, SyncOutcome outcome, string? error, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_runs SET outcome = @outcome, error = @error, finished_ms = @now WHERE id = @runId",
            new { runId, outcome = StoredText.Of(outcome), error, now }, cancellationToken: cancellationToken));

    public static Task StartStreamAsync(DbConnection db, long runId, string stream, StreamPassMode mode, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sync_run_streams (run_id, stream, mode, outcome, started_ms) VALUES (@runId, @stream, @mode, 'running', @now)",
            new { runId, stream, mode = StoredText.Of(mode), now }, cancellationToken: cancellationToken));

    /// <summary>A pass turned into a full one: the mode changes and the reason is kept.</summary>
    public static Task RestartStreamAsync(DbConnection db, long runId, string stream, string reason, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_run_streams SET mode = 'full', restarted_because = @reason WHERE run_id = @runId AND stream = @stream",
            new { runId, stream, reason }, cancellationToken: cancellationToken));

    /// <summary>Adds a page's counts (inside the page's transaction, so the history never disagrees with the data).</summary>
    public static Task AddPagesAsync(DbConnection db, DbTransaction transaction, long runId, string stream, int pages, PageCounts counts, long deleted, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_run_streams SET pages = pages + @pages, new_count = new_count + @New, changed_count = changed_count + @Changed, "
            + "unchanged_count = unchanged_count + @Unchanged, deleted_count = deleted_count + @deleted WHERE run_id = @runId AND stream = @stream",
            new { pages, counts.New, counts.Changed, counts.Unchanged, deleted, runId, stream }, transaction, cancellationToken: cancellationToken));

    public static Task FinishStreamAsync(DbConnection db, long runId, string stream, StreamOutcome outcome, StreamPassMode? mode, string? message, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_run_streams SET outcome = @outcome, mode = COALESCE(@mode, mode), error = @message, finished_ms = @now WHERE run_id = @runId AND stream = @stream",
            new { runId, stream, outcome = StoredText.Of(outcome), mode = mode is { } m ? StoredText.Of(m) : null, message, now }, cancellationToken: cancellationToken));
}
