using System.Data.Common;

namespace Ashbridge.Core.Storage;

/// <summary>
/// Passive checkpoints of SQLite's WAL on a connection of its own, kept open between calls; for a background loop off
/// the request path (the webhook intake's connection does none). Nothing to do on PostgreSQL.
/// </summary>
public sealed class WalCheckpointer(AshbridgeDatabase database) : IAsyncDisposable
{
    private DbConnection? _db;

    /// <summary>Whether the database has a WAL to checkpoint (SQLite).</summary>
    public bool IsNeeded => database.Provider == DatabaseProvider.Sqlite;

    /// <summary>Copies what the WAL holds into the database file without waiting for anyone.</summary>
    /// <exception cref="DbException">The file is busy or broken; the connection is dropped, and the next call opens a fresh one.</exception>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (!IsNeeded) return;
        try
        {
            _db ??= await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await database.CheckpointAsync(_db, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync().ConfigureAwait(false);
        _db = null;
    }
}
