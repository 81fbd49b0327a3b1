using System.Data.Common;
using Dapper;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>Removing repeated rows on PostgreSQL: in a fresh heap (the table was empty when the pass began) row positions grow with insertion.</summary>
internal sealed class PostgresDuplicateRemoval : IDuplicateRemoval
{
    public Task<int> RemoveOlderCopiesAsync(DbConnection db, DbTransaction transaction, string table, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {table} AS older USING {table} AS newer WHERE older.connection_id = newer.connection_id AND older.id = newer.id AND older.ctid < newer.ctid",
            transaction: transaction, cancellationToken: cancellationToken));
}
