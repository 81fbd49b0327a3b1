using System.Data.Common;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// What a first full pass into an empty table needs from the database to build the table's indexes after its rows
/// (<c>DeferredIndexes</c>): the indexes and their CREATE statements, and where an index build sorts.
/// </summary>
internal interface IBulkLoad
{
    /// <summary>Per-connection settings for a bulk writer (SQLite pragmas); empty where there are none.</summary>
    string WriterSettings { get; }

    /// <summary>A query of a table's secondary and unique indexes (<c>@table</c>) as (name, CREATE statement) rows.</summary>
    string IndexesSql { get; }

    /// <summary>Lets an index build in this transaction sort in temporary files on disk; returns the setting to restore, or null when nothing changed.</summary>
    Task<long?> SortOnDiskAsync(DbConnection db, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Puts back the setting <see cref="SortOnDiskAsync"/> returned.</summary>
    Task RestoreSortAsync(DbConnection db, DbTransaction transaction, long previous, CancellationToken cancellationToken);
}
