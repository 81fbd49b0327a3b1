using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>Building a table's indexes after its rows, on SQLite.</summary>
internal sealed class SqliteBulkLoad : IBulkLoad
{
    /// <summary>
    /// Temporary files stay in memory: each multi-row upsert inside the run's transaction keeps a statement journal (to
    /// undo just that statement), which SQLite otherwise writes to a fresh file in /var/tmp, gigabytes of writes in a
    /// large full pass.
    /// </summary>
    public string WriterSettings => " PRAGMA temp_store = MEMORY;";

    public string IndexesSql => "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL";

    /// <summary>
    /// An index build sorts its keys in temporary files, which the sync's connection keeps in memory (see
    /// <see cref="WriterSettings"/>), where a large organisation's application indexes took a lot of it: switches them to
    /// disk. SQLite refuses the switch inside a transaction once the connection has a temporary database; the build then
    /// runs in memory (null).
    /// </summary>
    public async Task<long?> SortOnDiskAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
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

    public Task RestoreSortAsync(DbConnection connection, DbTransaction transaction, long previous, CancellationToken cancellationToken) =>
        SetTempStoreAsync(connection, transaction, previous, cancellationToken);

    private static Task<int> SetTempStoreAsync(DbConnection connection, DbTransaction transaction, long mode, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"PRAGMA temp_store = {mode}", transaction: transaction, cancellationToken: cancellationToken));
}
