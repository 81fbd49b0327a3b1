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
    public async Task<long?> SortOnDiskAsync(DbConnection db, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var previous = await db.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA temp_store", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        try
        {
            await SetTempStoreAsync(db, transaction, 1, cancellationToken).ConfigureAwait(false);
            return previous;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    public Task RestoreSortAsync(DbConnection db, DbTransaction transaction, long previous, CancellationToken cancellationToken) =>
        SetTempStoreAsync(db, transaction, previous, cancellationToken);

    private static Task<int> SetTempStoreAsync(DbConnection db, DbTransaction transaction, long mode, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition($"PRAGMA temp_store = {mode}", transaction: transaction, cancellationToken: cancellationToken));
}
