using System.Data.Common;
using Dapper;

namespace Ashbridge.Core.Sync;

/// <summary>Writes the run history: a <c>sync_runs</c> row per run, a <c>sync_run_streams</c> row per stream in it.</summary>
internal static class RunRecorder
{
    /// <summary>Runs of this connection still marked running died with their process (the caller holds the lock).</summary>
    public static Task MarkInterruptedAsync(DbConnection connection, long connectionId, long nowMs, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_runs SET outcome = 'interrupted', finished_ms = @nowMs, error = 'The process stopped before the run ended; the next run resumed from its checkpoints.' "
            + "WHERE connection_id = @connectionId AND outcome = 'running'",
            new { connectionId, nowMs }, cancellationToken: cancellationToken));

    public static Task<long> StartRunAsync(DbConnection connection, long connectionId, SyncRequest request, long nowMs, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO sync_runs (connection_id, trigger, requested_mode, outcome, started_ms) VALUES (@connectionId, @trigger, @mode, 'running', @nowMs) RETURNING id",
            new { connectionId, trigger = request.Trigger, mode = Text(request.Mode), nowMs }, cancellationToken: cancellationToken));

    public static Task FinishRunAsync(DbConnection connection, long runId, SyncOutcome outcome, string? error, long nowMs, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_runs SET outcome = @outcome, error = @error, finished_ms = @nowMs WHERE id = @runId",
            new { runId, outcome = Text(outcome), error, nowMs }, cancellationToken: cancellationToken));

    public static Task StartStreamAsync(DbConnection connection, long runId, string stream, StreamPassMode mode, long nowMs, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sync_run_streams (run_id, stream, mode, outcome, started_ms) VALUES (@runId, @stream, @mode, 'running', @nowMs)",
            new { runId, stream, mode = Text(mode), nowMs }, cancellationToken: cancellationToken));

    /// <summary>A pass turned into a full one: the mode changes and the reason is kept.</summary>
    public static Task RestartStreamAsync(DbConnection connection, long runId, string stream, string reason, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_run_streams SET mode = 'full', restarted_because = @reason WHERE run_id = @runId AND stream = @stream",
            new { runId, stream, reason }, cancellationToken: cancellationToken));

    /// <summary>Adds a page's counts (inside the page's transaction, so the history never disagrees with the data).</summary>
    public static Task AddPagesAsync(DbConnection connection, DbTransaction transaction, long runId, string stream, int pages, PageCounts counts, long deleted, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_run_streams SET pages = pages + @pages, new_count = new_count + @New, changed_count = changed_count + @Changed, "
            + "unchanged_count = unchanged_count + @Unchanged, deleted_count = deleted_count + @deleted WHERE run_id = @runId AND stream = @stream",
            new { pages, counts.New, counts.Changed, counts.Unchanged, deleted, runId, stream }, transaction, cancellationToken: cancellationToken));

    public static Task FinishStreamAsync(DbConnection connection, long runId, string stream, StreamOutcome outcome, StreamPassMode? mode, string? message, long nowMs, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_run_streams SET outcome = @outcome, mode = COALESCE(@mode, mode), error = @message, finished_ms = @nowMs WHERE run_id = @runId AND stream = @stream",
            new { runId, stream, outcome = Text(outcome), mode = mode is { } m ? Text(m) : null, message, nowMs }, cancellationToken: cancellationToken));

    /// <summary>How an enum value is stored: snake_case (<c>not_run</c>); the one-word values read as they always did.</summary>
    public static string Text<T>(T value) where T : struct, Enum => Storage.StoredText.Of(value);
}
