using System.Data.Common;
using System.Text;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Storage.Dialects;

namespace Ashbridge.Core.Sync;

/// <summary>
/// Set-based writes of mirror pages, inside the caller's transaction: one read of the page's known hashes, one
/// multi-row upsert of the new and changed rows (the dialect's <see cref="IMirrorUpsert"/>), one update stamping the
/// unchanged ones as seen. Where the dialect asks for it (<see cref="IMirrorUpsert.RewritesJsonAlone"/>), a changed row
/// whose typed columns are as stored gets its JSON alone rewritten.
/// </summary>
internal static class MirrorWriter
{
    /// <summary>Writes a page. <paramref name="seenPass"/> is the full pass that sees these rows (the running one, or for an incremental pass the last one).</summary>
    /// <param name="moves">For applications: collects (old candidate, new candidate) when an application changed candidate, the trace of a merge.</param>
    /// <param name="intoEmptyTable">
    /// The pass began on an empty table and its key is set aside (<see cref="DeferredIndexes"/>): every row is new to it,
    /// so no lookup, and a plain insert.
    /// </param>
    public static async Task<PageCounts> WriteAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, IReadOnlyList<MirrorRow> rows,
        long seenPass, long nowMs, ICollection<(string From, string To)>? moves, bool intoEmptyTable, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return default;
        var candidateColumn = moves is null ? -1 : IndexOf(stream, "candidate_id");
        var upsert = StorageDialect.Of(db).Upsert;
        var known = intoEmptyTable
            ? new Dictionary<string, Known>()
            : await ReadKnownAsync(db, transaction, connectionId, stream, rows, candidateColumn >= 0, withValues: upsert.RewritesJsonAlone, cancellationToken).ConfigureAwait(false);

        var write = new List<MirrorRow>(rows.Count);
        var rewrite = new List<MirrorRow>();
        var touch = new List<string>();
        long added = 0, changed = 0;
        foreach (var row in rows)
        {
            if (!known.TryGetValue(row.Id, out var existing))
            {
                added++;
                write.Add(row);
            }
            else if (existing.Hash != row.RawHash || existing.Deleted)
            {
                changed++;
                if (!existing.Deleted && existing.Values is { } stored && SameValues(stored, row.Values)) rewrite.Add(row);
                else write.Add(row);
                if (candidateColumn >= 0 && existing.CandidateId is { } from && row.Values[candidateColumn] is string to && from != to) moves!.Add((from, to));
            }
            else
            {
                touch.Add(row.Id);
            }
        }

        if (write.Count > 0) await upsert.WriteAsync(db, transaction, connectionId, stream, write, seenPass, nowMs, intoEmptyTable, cancellationToken).ConfigureAwait(false);
        if (rewrite.Count > 0) await upsert.RewriteJsonAsync(db, transaction, connectionId, stream, rewrite, seenPass, nowMs, cancellationToken).ConfigureAwait(false);
        if (touch.Count > 0) await TouchAsync(db, transaction, connectionId, stream, touch, seenPass, nowMs, cancellationToken).ConfigureAwait(false);
        return new PageCounts(added, changed, touch.Count);
    }

    /// <summary>Marks every live row the full pass <paramref name="pass"/> did not see as deleted; returns how many.</summary>
    public static async Task<long> SweepAsync(DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, long pass, long nowMs, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction,
            $"UPDATE {stream.Table} SET deleted_ms = @now WHERE connection_id = @connection AND seen_pass < @pass AND deleted_ms IS NULL");
        command.Add("@now", nowMs);
        command.Add("@connection", connectionId);
        command.Add("@pass", pass);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A row as stored: its hash, whether it is marked deleted, its candidate (applications), and its typed values when asked for (null when it is marked merged).</summary>
    private readonly record struct Known(long Hash, bool Deleted, string? CandidateId, object?[]? Values);

    private static async Task<Dictionary<string, Known>> ReadKnownAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, IReadOnlyList<MirrorRow> rows, bool withCandidate, bool withValues,
        CancellationToken cancellationToken)
    {
        const int FirstValue = 5; // after id, raw_hash, deleted_ms, candidate_id, merged_into_id
        var sql = new StringBuilder(64 + (rows.Count * 8));
        sql.Append("SELECT id, raw_hash, deleted_ms, ").Append(withCandidate ? "candidate_id" : "NULL").Append(withValues ? ", merged_into_id" : "");
        if (withValues)
        {
            foreach (var column in stream.Columns) sql.Append(", ").Append(column.Name);
        }

        sql.Append(" FROM ").Append(stream.Table).Append(" WHERE connection_id = @connection AND id IN (");
        await using var command = db.Command(transaction, "");
        command.Add("@connection", connectionId);
        command.CommandText = sql.AppendIn(command, "k", new IdList(rows)).Append(')').ToString();
        var known = new Dictionary<string, Known>(rows.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            object?[]? values = null;
            if (withValues && reader.IsDBNull(4))
            {
                values = new object?[stream.Columns.Count];
                for (var c = 0; c < values.Length; c++) values[c] = reader.IsDBNull(FirstValue + c) ? null : reader.GetValue(FirstValue + c);
            }

            known[reader.GetString(0)] = new Known(reader.GetInt64(1), !reader.IsDBNull(2), withCandidate && !reader.IsDBNull(3) ? reader.GetString(3) : null, values);
        }

        return known;
    }

    /// <summary>Whether a row's typed values (as read from Ashby's JSON) equal those stored, as SQLite stores them.</summary>
    internal static bool SameValues(object?[] stored, object?[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            var same = (stored[c], values[c]) switch
            {
                (null, null) => true,
                (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
                (long a, long b) => a == b,
                (long a, int b) => a == b,
                (long a, bool b) => a == (b ? 1 : 0),
                _ => false,
            };
            if (!same) return false;
        }

        return true;
    }

    private static async Task TouchAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, List<string> ids, long seenPass, long nowMs, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(128 + (ids.Count * 8));
        sql.Append("UPDATE ").Append(stream.Table).Append(" SET last_seen_ms = @now, seen_pass = @pass WHERE connection_id = @connection AND id IN (");
        await using var command = db.Command(transaction, "");
        command.Add("@now", nowMs);
        command.Add("@pass", seenPass);
        command.Add("@connection", connectionId);
        command.CommandText = sql.AppendIn(command, "k", ids).Append(')').ToString();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static int IndexOf(StreamDefinition stream, string column)
    {
        for (var i = 0; i < stream.Columns.Count; i++)
        {
            if (stream.Columns[i].Name == column) return i;
        }

        return -1;
    }

    /// <summary>The ids of a page's rows as a list, without copying them.</summary>
    private sealed class IdList(IReadOnlyList<MirrorRow> rows) : IReadOnlyList<string>
    {
        public string this[int index] => rows[index].Id;

        public int Count => rows.Count;

        public IEnumerator<string> GetEnumerator() => rows.Select(r => r.Id).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
