using System.Data.Common;
using Ashbridge.Core.Storage;

namespace Ashbridge.Core.Sync;

/// <summary>
/// Only one pass of a connection runs at a time, across every process sharing the database: an OS file lock beside the
/// SQLite file, or a PostgreSQL session advisory lock. Both vanish with the process, so a killed sync never blocks the next.
/// </summary>
internal sealed class ConnectionSyncLock : IAsyncDisposable
{
    private const int PostgresLockSpace = 4242002;
    private readonly FileStream? _file;
    private readonly DbConnection? _session;

    private ConnectionSyncLock(FileStream? file, DbConnection? db)
    {
        _file = file;
        _session = db;
    }

    public static async Task<ConnectionSyncLock> AcquireAsync(AshbridgeDatabase database, long connectionId, string connectionName, CancellationToken cancellationToken)
    {
        if (database.Location.SqliteFile is { } file)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix (a share lock on Windows) that the OS drops when the process dies.
                return new ConnectionSyncLock(new FileStream($"{file}.sync-{connectionId}.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), null);
            }
            catch (IOException ex)
            {
                throw AlreadyRunning(connectionName, ex);
            }
        }

        var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = db.Command(null, "SELECT pg_try_advisory_lock(@space, @key)");
            command.Add("@space", PostgresLockSpace, System.Data.DbType.Int32);
            command.Add("@key", unchecked((int)connectionId), System.Data.DbType.Int32);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true) return new ConnectionSyncLock(null, db);
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await db.DisposeAsync().ConfigureAwait(false);
        throw AlreadyRunning(connectionName, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null) await _file.DisposeAsync().ConfigureAwait(false);
        if (_session is not null)
        {
            // The session goes back to the pool, so the lock is released explicitly rather than by closing it.
            await using (var command = _session.Command(null, "SELECT pg_advisory_unlock_all()"))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await _session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static SyncAlreadyRunningException AlreadyRunning(string connectionName, Exception? cause) =>
        new($"A sync of connection '{connectionName}' is already running (in this process or another); wait for it to finish.", cause);
}
