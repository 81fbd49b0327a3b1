using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Storage;

/// <summary>
/// Whether the hub's database can be used: it answers a query and, on SQLite, a write could start. A reader in WAL
/// mode is never blocked, so only trying the write lock shows a database that another connection keeps locked.
/// </summary>
public sealed class DatabaseHealth(AshbridgeDatabase database, TimeProvider time)
{
    /// <summary>How long the check waits for SQLite's write lock: long enough to pass between a sync's page commits, far short of the 30 s writers wait.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    /// <summary>How long the database has to answer at all.</summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(5);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Checks the database; the description names it and says what is wrong and what to do.</summary>
    public async Task<(bool Healthy, string Description)> CheckAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(AnswerWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var db = await database.ConnectAsync(linked.Token).ConfigureAwait(false);
            long count;
            await using (var command = db.CreateCommand())
            {
                command.CommandText = "SELECT COUNT(*) FROM connections";
                command.CommandTimeout = (int)AnswerWait.TotalSeconds;
                count = Convert.ToInt64(await command.ExecuteScalarAsync(linked.Token).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            if (database.Provider == DatabaseProvider.Sqlite) await TryWriteLockAsync(db, linked.Token).ConfigureAwait(false);
            return (true, $"{database.Location}: {count} connection(s)");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            return (false,
                $"{database.Location} is locked: another connection has held its write lock for more than {LockWait.TotalSeconds:0} s, so nothing can be written. " +
                "Look for a stuck process or a tool with an open write transaction on the file, and end it.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (false, $"{database.Location} does not answer: no reply within {AnswerWait.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return (false, $"{database.Location} does not answer: {ex.Message}");
        }
    }

    /// <summary>Takes and releases SQLite's write lock, waiting at most <see cref="LockWait"/> (the hub's connections wait 30 s).</summary>
    private static async Task TryWriteLockAsync(DbConnection db, CancellationToken cancellationToken)
    {
        // One statement per command: the driver stops a batch at the first statement that returns a row, as a pragma does.
        // It also retries a busy statement until its command timeout, so both limits are the short one.
        foreach (var statement in (string[])[$"PRAGMA busy_timeout = {(int)LockWait.TotalMilliseconds};", "BEGIN IMMEDIATE;", "ROLLBACK;"])
        {
            await using var command = db.CreateCommand();
            command.CommandTimeout = (int)LockWait.TotalSeconds;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
