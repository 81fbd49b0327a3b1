using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// What differs between SQLite and PostgreSQL, one seam per concern, each dialect in its own files. Chosen by the
/// database's provider (<see cref="AshbridgeDatabase"/>), or by a connection's driver where only a connection is at hand.
/// </summary>
internal sealed class StorageDialect
{
    public static readonly StorageDialect Sqlite = new(new SqliteUpsert(), new SqliteBulkLoad(), new SqliteCheckpointing(), new SqliteDuplicateRemoval());

    public static readonly StorageDialect Postgres = new(new PostgresUpsert(), new PostgresBulkLoad(), new PostgresCheckpointing(), new PostgresDuplicateRemoval());

    private StorageDialect(IMirrorUpsert upsert, IBulkLoad bulkLoad, ICheckpointing checkpointing, IDuplicateRemoval duplicates)
    {
        Upsert = upsert;
        BulkLoad = bulkLoad;
        Checkpointing = checkpointing;
        Duplicates = duplicates;
    }

    public IMirrorUpsert Upsert { get; }

    public IBulkLoad BulkLoad { get; }

    public ICheckpointing Checkpointing { get; }

    public IDuplicateRemoval Duplicates { get; }

    public static StorageDialect For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? Sqlite : Postgres;

    public static StorageDialect Of(DbConnection db) => db is SqliteConnection ? Sqlite : Postgres;
}
