using System.Data.Common;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Sync;

/// <summary>
/// A stream's row in <c>sync_streams</c>: the stored token and, while a pass runs, its mode and the cursor of the next
/// page. Every change is written in the same transaction as the page it follows.
/// </summary>
internal sealed class StreamCheckpoint
{
    public string? SyncToken { get; set; }

    /// <summary>Full or incremental while a pass is under way; null between passes.</summary>
    public StreamPassMode? Mode { get; set; }

    public string? PassCursor { get; set; }

    /// <summary>The number of the running full pass, or of the last one (rows a full pass sees carry it).</summary>
    public long PassNumber { get; set; }

    public long FullPassesCompleted { get; set; }

    /// <summary>When the last full pass ended, if one has.</summary>
    public DateTimeOffset? LastFull { get; set; }

    private const string Columns = "stream, sync_token, pass_mode, pass_cursor, pass_number, full_passes_completed, last_full_ms";

    /// <summary>The stream's checkpoint; a stream never synced gets its row now.</summary>
    public static async Task<StreamCheckpoint> LoadAsync(DbConnection db, long connectionId, string stream, CancellationToken cancellationToken)
    {
        await using (var command = db.Command(null, $"SELECT {Columns} FROM sync_streams WHERE connection_id = @connectionId AND stream = @stream"))
        {
            command.Add("@connectionId", connectionId);
            command.Add("@stream", stream);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return Read(reader);
        }

        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sync_streams (connection_id, stream, pass_number, full_passes_completed) VALUES (@connectionId, @stream, 0, 0) ON CONFLICT DO NOTHING",
            new { connectionId, stream }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new StreamCheckpoint();
    }

    /// <summary>
    /// Every stream's stored checkpoint for the connection, by stream name (a stream never synced has none). The run reads
    /// them to start its feeds, before anything else; read by hand rather than through Dapper, whose first use in a fresh
    /// process (generating readers) held back every first request of an incremental pass.
    /// </summary>
    public static async Task<Dictionary<string, StreamCheckpoint>> LoadAllAsync(DbConnection db, long connectionId, CancellationToken cancellationToken)
    {
        await using var command = db.Command(null, $"SELECT {Columns} FROM sync_streams WHERE connection_id = @connectionId");
        command.Add("@connectionId", connectionId);
        var checkpoints = new Dictionary<string, StreamCheckpoint>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) checkpoints[reader.GetString(0)] = Read(reader);
        return checkpoints;
    }

    /// <summary>A row of <see cref="Columns"/>.</summary>
    private static StreamCheckpoint Read(DbDataReader row) => new()
    {
        SyncToken = row.IsDBNull(1) ? null : row.GetString(1),
        Mode = row.IsDBNull(2) ? null : StoredText.Parse<StreamPassMode>(row.GetString(2)),
        PassCursor = row.IsDBNull(3) ? null : row.GetString(3),
        PassNumber = row.GetInt64(4),
        FullPassesCompleted = row.GetInt64(5),
        LastFull = row.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(6)),
    };

    /// <summary>Starts a pass (a full one takes the next pass number and forgets the token until its last page brings a new one).</summary>
    public async Task BeginAsync(DbConnection db, long connectionId, string stream, bool full, CancellationToken cancellationToken)
    {
        var mode = full ? StreamPassMode.Full : StreamPassMode.Incremental;
        Mode = mode;
        PassCursor = null;
        if (full)
        {
            PassNumber++;
            SyncToken = null;
        }

        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_streams SET pass_mode = @PassMode, pass_cursor = NULL, pass_number = @PassNumber, sync_token = @SyncToken, skipped_reason = NULL "
            + "WHERE connection_id = @connectionId AND stream = @stream",
            new { PassMode = StoredText.Of(mode), PassNumber, SyncToken, connectionId, stream }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Stores where the next page starts (inside the page's transaction).</summary>
    public Task AdvanceAsync(DbConnection db, DbTransaction transaction, long connectionId, string stream, string cursor, CancellationToken cancellationToken)
    {
        PassCursor = cursor;
        return db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_streams SET pass_cursor = @cursor WHERE connection_id = @connectionId AND stream = @stream",
            new { cursor, connectionId, stream }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Ends the pass with the last page: the new token (if any) is stored only now, with that page.</summary>
    public Task CompleteAsync(DbConnection db, DbTransaction transaction, long connectionId, string stream, string? newToken, long nowMs, CancellationToken cancellationToken)
    {
        var full = Mode == StreamPassMode.Full;
        SyncToken = newToken;
        Mode = null;
        PassCursor = null;
        if (full) FullPassesCompleted++;
        return db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_streams SET sync_token = @newToken, pass_mode = NULL, pass_cursor = NULL, full_passes_completed = @FullPassesCompleted, "
            + (full ? "last_full_ms = @nowMs" : "last_incremental_ms = @nowMs") + " WHERE connection_id = @connectionId AND stream = @stream",
            new { newToken, FullPassesCompleted, nowMs, connectionId, stream }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records why the stream could not be read (a missing permission); its data stays as it was.</summary>
    public static Task SkipAsync(DbConnection db, long connectionId, string stream, string reason, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_streams SET skipped_reason = @reason WHERE connection_id = @connectionId AND stream = @stream",
            new { reason, connectionId, stream }, cancellationToken: cancellationToken));
}
