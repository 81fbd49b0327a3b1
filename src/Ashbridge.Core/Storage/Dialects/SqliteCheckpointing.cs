using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// SQLite's WAL, checkpointed beside the writers rather than inside their commits: a checkpoint syncs the WAL, copies it
/// into the database and syncs that, and inside a commit every writer waiting on that commit waited for all of it.
/// </summary>
internal sealed class SqliteCheckpointing : ICheckpointing
{
    public bool Needed => true;

    public string NoCheckpointsSettings => " PRAGMA wal_autocheckpoint = 0;";

    /// <summary>The WAL file is cut back to 64 MB after it starts over.</summary>
    public string BulkWriterSettings => " PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;";

    public void CheckpointOnClose(DbConnection db, bool checkpoint)
    {
        if (db is not SqliteConnection { Handle: { } handle }) return;
        var result = raw.sqlite3_db_config(handle, raw.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, checkpoint ? 0 : 1, out _);
        if (result != raw.SQLITE_OK && !checkpoint)
        {
            throw new SqliteException($"SQLite would not keep the connection from checkpointing when it closes (error {result}).", result);
        }
    }

    public async Task<(long Frames, long Copied)> CheckpointAsync(DbConnection db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    public long TakePagesWritten(DbConnection db)
    {
        if (db is not SqliteConnection { Handle: { } handle }) return 0;
        raw.sqlite3_db_status(handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
        return written;
    }
}
