using System.Data.Common;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// Removing the older copies of rows inserted twice into a table whose unique key is set aside (a later page repeated
/// a row), so the key can be built. The copy written last is kept: it is the one a later page sent.
/// </summary>
internal interface IDuplicateRemoval
{
    /// <summary>Deletes every copy of a (connection_id, id) but the last written; returns how many.</summary>
    Task<int> RemoveOlderCopiesAsync(DbConnection db, DbTransaction transaction, string table, CancellationToken cancellationToken);
}
