using System.Data.Common;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Mirror;

/// <summary>
/// Ashby merges duplicate candidates: one id disappears and its applications move to the survivor. The mirror keeps the
/// merged-away row, marked deleted with <c>merged_into_id</c>, so features holding the old id can follow it.
/// </summary>
public static class CandidateMerges
{
    /// <summary>Records that <paramref name="fromId"/> was merged into <paramref name="intoId"/> (from a sync or a <c>candidateMerge</c> webhook).</summary>
    public static async Task RecordAsync(AshbridgeDatabase database, long connectionId, string fromId, string intoId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await RecordAsync(db, connectionId, fromId, intoId, at.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The surviving candidate's id: <paramref name="candidateId"/> itself unless it was merged (following chains of merges).</summary>
    public static async Task<string> ResolveAsync(AshbridgeDatabase database, long connectionId, string candidateId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var current = candidateId;
        for (var hops = 0; hops < 16; hops++)
        {
            var next = await db.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT merged_into_id FROM mirror_candidates WHERE connection_id = @connectionId AND id = @current",
                new { connectionId, current }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (next is null) return current;
            current = next;
        }

        return current;
    }

    internal static Task RecordAsync(DbConnection db, long connectionId, string fromId, string intoId, long nowMs, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE mirror_candidates SET merged_into_id = @intoId, deleted_ms = COALESCE(deleted_ms, @nowMs) WHERE connection_id = @connectionId AND id = @fromId",
            new { connectionId, fromId, intoId, nowMs }, transaction, cancellationToken: cancellationToken));
}
