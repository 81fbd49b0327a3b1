using System.Data.Common;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// Keeping a write-ahead log bounded without making writers wait for it: SQLite's WAL is checkpointed beside the
/// writers, off their commits; PostgreSQL does its own and needs none of this.
/// </summary>
internal interface ICheckpointing
{
    /// <summary>Whether the hub checkpoints at all (false: every member is a no-op).</summary>
    bool Needed { get; }

    /// <summary>Per-connection settings so the connection's commits never checkpoint.</summary>
    string NoCheckpointsSettings { get; }

    /// <summary>Those settings for a sync run's writer, with the WAL cut back after it starts over.</summary>
    string BulkWriterSettings { get; }

    /// <summary>Whether closing <paramref name="db"/> as the database's last connection checkpoints (and removes the WAL).</summary>
    /// <exception cref="DbException">The database refused the setting.</exception>
    void CheckpointOnClose(DbConnection db, bool checkpoint);

    /// <summary>A passive checkpoint: the WAL's pages and how many of them are now in the database.</summary>
    Task<(long Frames, long Copied)> CheckpointAsync(DbConnection db, CancellationToken cancellationToken);

    /// <summary>The pages <paramref name="db"/> wrote since the last call.</summary>
    long TakePagesWritten(DbConnection db);
}
