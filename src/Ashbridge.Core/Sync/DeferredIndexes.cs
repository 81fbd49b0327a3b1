using System.Data.Common;
using Ashbridge.Core.Mirror;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Sync;

/// <summary>
/// A first full pass into an empty mirror table builds the table's secondary indexes after its rows, not row by row.
/// Ashby's ids are random, so each row put a key in a random leaf of every index, and every commit rewrote most of
/// each index; built at the end, an index is one sort. The unique key stays (the upserts need it). Dropping records
/// each index's own CREATE statement in the same transaction, and the pass's last transaction rebuilds them, so a
/// crash between the two leaves the statements for the resumed pass; any pass of the stream rebuilds what is pending.
/// </summary>
internal static class DeferredIndexes
{
    /// <summary>Drops the table's non-unique indexes when it has no rows at all (of any connection); returns whether it had none.</summary>
    public static async Task<bool> DeferIfEmptyAsync(DbConnection connection, StreamDefinition stream, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var hasRows = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {stream.Table} LIMIT 1) AS any_row", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (hasRows > 0) return false;

        var sql = connection is SqliteConnection
            ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
            : "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table AND indexdef NOT LIKE 'CREATE UNIQUE%'";
        var indexes = (await connection.QueryAsync<(string Name, string Create)>(new CommandDefinition(
            sql, new { table = stream.Table }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        foreach (var (name, create) in indexes)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO mirror_deferred_indexes (table_name, index_name, create_sql) VALUES (@table, @name, @create)",
                new { table = stream.Table, name, create }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX \"{name}\"", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Rebuilds the table's deferred indexes, in the caller's transaction; returns how many.</summary>
    public static async Task<int> RebuildAsync(DbConnection connection, DbTransaction transaction, StreamDefinition stream, CancellationToken cancellationToken)
    {
        var pending = (await connection.QueryAsync<(string Name, string Create)>(new CommandDefinition(
            "SELECT index_name, create_sql FROM mirror_deferred_indexes WHERE table_name = @table ORDER BY index_name",
            new { table = stream.Table }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (pending.Count == 0) return 0;

        var restore = await TempFilesOnDiskAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (_, create) in pending)
            {
                await connection.ExecuteAsync(new CommandDefinition(create, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            if (restore is { } previous) await SetTempStoreAsync(connection, transaction, previous, CancellationToken.None).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mirror_deferred_indexes WHERE table_name = @table", new { table = stream.Table }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return pending.Count;
    }

    /// <summary>
    /// An index build sorts its keys in temporary files. The sync's connection keeps those in memory (for its statement
    /// journals), where a 1M-candidate organisation's application indexes took 110 MB: on SQLite, switches them to disk
    /// and returns the setting to restore. SQLite refuses the switch inside a transaction once the connection has a
    /// temporary database; the build then runs in memory (null).
    /// </summary>
    private static async Task<long?> TempFilesOnDiskAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection) return null;
        var previous = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA temp_store", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        try
        {
            await SetTempStoreAsync(connection, transaction, 1, cancellationToken).ConfigureAwait(false);
            return previous;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static Task<int> SetTempStoreAsync(DbConnection connection, DbTransaction transaction, long mode, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"PRAGMA temp_store = {mode}", transaction: transaction, cancellationToken: cancellationToken));
}
