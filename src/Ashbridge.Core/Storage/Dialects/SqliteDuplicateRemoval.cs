using System.Data.Common;
using Dapper;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>Removing repeated rows on SQLite: rowids grow with insertion, so the largest is the copy written last.</summary>
internal sealed class SqliteDuplicateRemoval : IDuplicateRemoval
{
    public Task<int> RemoveOlderCopiesAsync(DbConnection db, DbTransaction transaction, string table, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {table} WHERE rowid NOT IN (SELECT MAX(rowid) FROM {table} GROUP BY connection_id, id)", transaction: transaction, cancellationToken: cancellationToken));
}
