namespace Ashbridge.Core.Storage;

/// <summary>The two databases Ashbridge runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file in WAL mode: the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: the production store.</summary>
    Postgres,
}
