using System.Data.Common;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>PostgreSQL checkpoints its own WAL; the hub does nothing.</summary>
internal sealed class PostgresCheckpointing : ICheckpointing
{
    public bool Needed => false;

    public string NoCheckpointsSettings => "";

    public string BulkWriterSettings => "";

    public void CheckpointOnClose(DbConnection db, bool checkpoint)
    {
    }

    public Task<(long Frames, long Copied)> CheckpointAsync(DbConnection db, CancellationToken cancellationToken) => Task.FromResult((0L, 0L));

    public long TakePagesWritten(DbConnection db) => 0;
}
