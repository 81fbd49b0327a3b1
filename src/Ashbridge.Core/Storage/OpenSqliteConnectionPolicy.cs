using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.ObjectPool;

namespace Ashbridge.Core.Storage;

/// <summary>
/// How <see cref="AshbridgeDatabase.LendAsync"/> keeps SQLite connections open between reads: a new one is opened with
/// the hub's settings; one comes back to the pool only if it is still open and holds no transaction.
/// </summary>
internal sealed class OpenSqliteConnectionPolicy(string connectionString, string pragmas) : PooledObjectPolicy<SqliteConnection>
{
    /// <inheritdoc />
    public override SqliteConnection Create()
    {
        var db = new SqliteConnection(connectionString);
        try
        {
            db.Open();
            using var pragma = db.CreateCommand();
            pragma.CommandText = pragmas;
            pragma.ExecuteNonQuery();
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override bool Return(SqliteConnection db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.State != ConnectionState.Open) return false;

        // A borrower that began a transaction and did not finish it must not hand it to the next one: SQLite is back in
        // autocommit mode once every transaction has ended.
        return SQLitePCL.raw.sqlite3_get_autocommit(db.Handle) != 0;
    }
}
