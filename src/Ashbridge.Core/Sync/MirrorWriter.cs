using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Sync;

/// <summary>What writing one page did.</summary>
internal readonly record struct PageCounts(long New, long Changed, long Unchanged)
{
    public long Rows => New + Changed + Unchanged;
}

/// <summary>
/// Set-based writes of mirror pages, inside the caller's transaction: one read of the page's known hashes, one
/// multi-row upsert of the new and changed rows, one update stamping the unchanged ones as seen. The same SQL runs on
/// SQLite and PostgreSQL (<c>INSERT … ON CONFLICT … DO UPDATE</c>). On SQLite, a changed row whose typed columns are as
/// stored gets its JSON alone rewritten (<see cref="SqliteUpsert.Rewrite"/>): SQLite rewrites the index entries of
/// every column an update sets, equal or not (PostgreSQL compares, and leaves the indexes alone).
/// </summary>
internal static class MirrorWriter
{
    private const string CommonColumns = "connection_id, id, raw_json, raw_hash, ashby_updated_ms, first_seen_ms, last_seen_ms, seen_pass, deleted_ms, merged_into_id";

    /// <summary>Writes a page. <paramref name="seenPass"/> is the full pass that sees these rows (the running one, or for an incremental pass the last one).</summary>
    /// <param name="moves">For applications: collects (old candidate, new candidate) when an application changed candidate, the trace of a merge.</param>
    /// <param name="intoEmptyTable">
    /// The pass began on an empty table and its key is set aside (<see cref="DeferredIndexes"/>): every row is new to it,
    /// so no lookup, and a plain insert.
    /// </param>
    public static async Task<PageCounts> WriteAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, IReadOnlyList<MirrorRow> rows,
        long seenPass, long nowMs, ICollection<(string From, string To)>? moves, bool intoEmptyTable, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return default;
        var candidateColumn = moves is null ? -1 : IndexOf(stream, "candidate_id");
        var sqlite = connection as SqliteConnection;
        var known = intoEmptyTable
            ? new Dictionary<string, Known>()
            : await ReadKnownAsync(connection, transaction, connectionId, stream, rows, candidateColumn >= 0, withValues: sqlite is not null, cancellationToken).ConfigureAwait(false);

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

        if (write.Count > 0) await UpsertAsync(connection, transaction, connectionId, stream, write, seenPass, nowMs, intoEmptyTable, cancellationToken).ConfigureAwait(false);
        if (rewrite.Count > 0) SqliteUpsert.Rewrite(sqlite!, connectionId, stream, rewrite, seenPass, nowMs);
        if (touch.Count > 0) await TouchAsync(connection, transaction, connectionId, stream, touch, seenPass, nowMs, cancellationToken).ConfigureAwait(false);
        return new PageCounts(added, changed, touch.Count);
    }

    /// <summary>Marks every live row the full pass <paramref name="pass"/> did not see as deleted; returns how many.</summary>
    public static async Task<long> SweepAsync(DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, long pass, long nowMs, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction,
            $"UPDATE {stream.Table} SET deleted_ms = @now WHERE connection_id = @connection AND seen_pass < @pass AND deleted_ms IS NULL");
        command.Add("@now", nowMs);
        command.Add("@connection", connectionId);
        command.Add("@pass", pass);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A row as stored: its hash, whether it is marked deleted, its candidate (applications), and its typed values when asked for (null when it is marked merged).</summary>
    private readonly record struct Known(long Hash, bool Deleted, string? CandidateId, object?[]? Values);

    private static async Task<Dictionary<string, Known>> ReadKnownAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, IReadOnlyList<MirrorRow> rows, bool withCandidate, bool withValues,
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
        await using var command = connection.Command(transaction, "");
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

    private static async Task UpsertAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, bool insertOnly,
        CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            SqliteUpsert.Write(sqlite, connectionId, stream, rows, seenPass, nowMs, insertOnly);
            return;
        }

        await using var command = connection.Command(transaction, UpsertSql(stream, rows.Count, NamedParameter, insertOnly));
        command.Add("@connection", connectionId);
        command.Add("@now", nowMs);
        command.Add("@pass", seenPass);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            command.Add(NamedParameter(r, RowParameter.Id), row.Id);
            command.Add(NamedParameter(r, RowParameter.Json), Encoding.UTF8.GetString(row.RawJson.Span));
            command.Add(NamedParameter(r, RowParameter.Hash), row.RawHash);
            command.Add(NamedParameter(r, RowParameter.Updated), row.UpdatedMs);
            for (var c = 0; c < stream.Columns.Count; c++)
            {
                command.Add(NamedParameter(r, RowParameter.FirstColumn + c), row.Values[c], DbTypeOf(stream.Columns[c].Type));
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The parameters of one row of an upsert, in order; the typed columns follow <see cref="FirstColumn"/>.</summary>
    internal enum RowParameter
    {
        Id,
        Json,
        Hash,
        Updated,
        FirstColumn,
    }

    private static string NamedParameter(int row, RowParameter parameter) => parameter switch
    {
        RowParameter.Id => Name("@i", row),
        RowParameter.Json => Name("@j", row),
        RowParameter.Hash => Name("@h", row),
        RowParameter.Updated => Name("@u", row),
        _ => string.Create(CultureInfo.InvariantCulture, $"@v{row}_{parameter - RowParameter.FirstColumn}"),
    };

    /// <summary>
    /// A multi-row upsert of <paramref name="rows"/> rows. <c>@connection</c>, <c>@now</c> and <c>@pass</c> are shared;
    /// <paramref name="parameter"/> names each row's parameters. <paramref name="insertOnly"/>: a plain insert, for a
    /// table whose key is set aside (an upsert needs the key).
    /// </summary>
    internal static string UpsertSql(StreamDefinition stream, int rows, Func<int, RowParameter, string> parameter, bool insertOnly)
    {
        var sql = new StringBuilder(1024 + (rows * 16 * ((int)RowParameter.FirstColumn + stream.Columns.Count)));
        sql.Append("INSERT INTO ").Append(stream.Table).Append(" (").Append(CommonColumns);
        foreach (var column in stream.Columns) sql.Append(", ").Append(column.Name);
        sql.Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (").Append("@connection, ").Append(parameter(r, RowParameter.Id)).Append(", ").Append(parameter(r, RowParameter.Json))
                .Append(", ").Append(parameter(r, RowParameter.Hash)).Append(", ").Append(parameter(r, RowParameter.Updated)).Append(", @now, @now, @pass, NULL, NULL");
            for (var c = 0; c < stream.Columns.Count; c++) sql.Append(", ").Append(parameter(r, RowParameter.FirstColumn + c));
            sql.Append(')');
        }

        if (insertOnly) return sql.ToString();
        sql.Append(" ON CONFLICT (connection_id, id) DO UPDATE SET raw_json = excluded.raw_json, raw_hash = excluded.raw_hash, ")
            .Append("ashby_updated_ms = excluded.ashby_updated_ms, last_seen_ms = excluded.last_seen_ms, seen_pass = excluded.seen_pass, ")
            .Append("deleted_ms = NULL, merged_into_id = NULL");
        foreach (var column in stream.Columns) sql.Append(", ").Append(column.Name).Append(" = excluded.").Append(column.Name);
        return sql.ToString();
    }

    private static async Task TouchAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, List<string> ids, long seenPass, long nowMs, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(128 + (ids.Count * 8));
        sql.Append("UPDATE ").Append(stream.Table).Append(" SET last_seen_ms = @now, seen_pass = @pass WHERE connection_id = @connection AND id IN (");
        await using var command = connection.Command(transaction, "");
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

    private static DbType DbTypeOf(MirrorColumnType type) => type switch
    {
        MirrorColumnType.Time => DbType.Int64,
        MirrorColumnType.Number => DbType.Int32,
        MirrorColumnType.Boolean => DbType.Boolean,
        _ => DbType.String,
    };

    private static string Name(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}");

    /// <summary>The ids of a page's rows as a list, without copying them.</summary>
    private sealed class IdList(IReadOnlyList<MirrorRow> rows) : IReadOnlyList<string>
    {
        public string this[int index] => rows[index].Id;

        public int Count => rows.Count;

        public IEnumerator<string> GetEnumerator() => rows.Select(r => r.Id).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
