using System.Data.Common;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// How a page's new and changed mirror rows are written, inside the caller's transaction: a multi-row
/// <c>INSERT … ON CONFLICT … DO UPDATE</c> of the same shape on both databases (<see cref="MirrorUpsertSql"/>), bound
/// the fastest way each driver allows.
/// </summary>
internal interface IMirrorUpsert
{
    /// <summary>
    /// Whether a changed row whose typed columns are as stored is better written by <see cref="RewriteJsonAsync"/>: true
    /// where an update rewrites the index entries of every column it sets, equal or not (SQLite). The writer then reads
    /// the stored typed values to compare.
    /// </summary>
    bool RewritesJsonAlone { get; }

    /// <summary>Upserts <paramref name="rows"/>; <paramref name="insertOnly"/>: a plain insert into a table whose key is set aside.</summary>
    Task WriteAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, bool insertOnly,
        CancellationToken cancellationToken);

    /// <summary>Rewrites the JSON of changed rows whose typed columns are as stored, and stamps them as seen.</summary>
    Task RewriteJsonAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs,
        CancellationToken cancellationToken);
}
