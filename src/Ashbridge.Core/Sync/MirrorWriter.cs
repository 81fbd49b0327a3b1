using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Sync;

/// <summary>What writing one page did.</summary>
internal readonly record struct PageCounts(long New, long Changed, long Unchanged)
{
    public long Rows => New + Changed + Unchanged;
}

/// <summary>
/// Set-based writes of mirror pages, inside the caller's transaction: one read of the page's known hashes, one
/// multi-row upsert of the new and changed rows, one update stamping the unchanged ones as seen. The same SQL runs on
/// SQLite and PostgreSQL (<c>INSERT … ON CONFLICT … DO UPDATE</c>).
/// </summary>
internal static class MirrorWriter
{
    private const string CommonColumns = "connection_id, id, raw_json, raw_hash, ashby_updated_ms, first_seen_ms, last_seen_ms, seen_pass, deleted_ms, merged_into_id";

    /// <summary>Writes a page. <paramref name="seenPass"/> is the full pass that sees these rows (the running one, or for an incremental pass the last one).</summary>
    /// <param name="moves">For applications: collects (old candidate, new candidate) when an application changed candidate, the trace of a merge.</param>
    public static async Task<PageCounts> WriteAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, IReadOnlyList<MirrorRow> rows,
        long seenPass, long nowMs, ICollection<(string From, string To)>? moves, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return default;
        var candidateColumn = moves is null ? -1 : IndexOf(stream, "candidate_id");
        var known = await ReadKnownAsync(connection, transaction, connectionId, stream, rows, candidateColumn >= 0, cancellationToken).ConfigureAwait(false);

        var write = new List<MirrorRow>(rows.Count);
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
                write.Add(row);
                if (candidateColumn >= 0 && existing.CandidateId is { } from && row.Values[candidateColumn] is string to && from != to) moves!.Add((from, to));
            }
            else
            {
                touch.Add(row.Id);
            }
        }

        if (write.Count > 0) await UpsertAsync(connection, transaction, connectionId, stream, write, seenPass, nowMs, cancellationToken).ConfigureAwait(false);
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

    private readonly record struct Known(long Hash, bool Deleted, string? CandidateId);

    private static async Task<Dictionary<string, Known>> ReadKnownAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, IReadOnlyList<MirrorRow> rows, bool withCandidate, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(64 + (rows.Count * 8));
        sql.Append("SELECT id, raw_hash, deleted_ms").Append(withCandidate ? ", candidate_id" : "").Append(" FROM ").Append(stream.Table)
            .Append(" WHERE connection_id = @connection AND id IN (");
        await using var command = connection.Command(transaction, "");
        command.Add("@connection", connectionId);
        for (var i = 0; i < rows.Count; i++)
        {
            var name = Name("@k", i);
            sql.Append(i == 0 ? "" : ", ").Append(name);
            command.Add(name, rows[i].Id);
        }

        command.CommandText = sql.Append(')').ToString();
        var known = new Dictionary<string, Known>(rows.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known[reader.GetString(0)] = new Known(reader.GetInt64(1), !reader.IsDBNull(2), withCandidate && !reader.IsDBNull(3) ? reader.GetString(3) : null);
        }

        return known;
    }

    /// <summary>
    /// Rows per INSERT on SQLite. SQLite finds a named parameter by a linear scan, so binding a statement of n parameters
    /// costs n²: a page of 100 rows (1,500 parameters) spent most of its time there. Ten-row statements, prepared once
    /// and re-bound per chunk, keep the upsert set-based at a hundredth of that cost. PostgreSQL takes the page whole.
    /// </summary>
    private const int SqliteRowsPerStatement = 10;

    private static async Task UpsertAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, CancellationToken cancellationToken)
    {
        var perStatement = connection is Microsoft.Data.Sqlite.SqliteConnection ? SqliteRowsPerStatement : rows.Count;
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != UpsertParameters(stream, count))
                {
                    if (command is not null) await command.DisposeAsync().ConfigureAwait(false);
                    command = UpsertCommand(connection, transaction, connectionId, stream, count, seenPass, nowMs);
                }

                BindUpsert(command, stream, rows, start, count);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int UpsertParameters(StreamDefinition stream, int rows) => 3 + (rows * (4 + stream.Columns.Count));

    /// <summary>A multi-row upsert for <paramref name="rows"/> rows; its row parameters are bound by <see cref="BindUpsert"/>.</summary>
    private static DbCommand UpsertCommand(DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, int rows, long seenPass, long nowMs)
    {
        var sql = new StringBuilder(1024 + (rows * 16 * (4 + stream.Columns.Count)));
        sql.Append("INSERT INTO ").Append(stream.Table).Append(" (").Append(CommonColumns);
        foreach (var column in stream.Columns) sql.Append(", ").Append(column.Name);
        sql.Append(") VALUES ");

        var command = connection.Command(transaction, "");
        command.Add("@connection", connectionId);
        command.Add("@now", nowMs);
        command.Add("@pass", seenPass);
        for (var r = 0; r < rows; r++)
        {
            var id = Name("@i", r);
            var json = Name("@j", r);
            var hash = Name("@h", r);
            var updated = Name("@u", r);
            command.Add(id, null, DbType.String);
            command.Add(json, null, DbType.String);
            command.Add(hash, null, DbType.Int64);
            command.Add(updated, null, DbType.Int64);
            sql.Append(r == 0 ? "(" : ", (").Append("@connection, ").Append(id).Append(", ").Append(json).Append(", ").Append(hash).Append(", ").Append(updated)
                .Append(", @now, @now, @pass, NULL, NULL");
            for (var c = 0; c < stream.Columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@v{r}_{c}");
                command.Add(name, null, DbTypeOf(stream.Columns[c].Type));
                sql.Append(", ").Append(name);
            }

            sql.Append(')');
        }

        sql.Append(" ON CONFLICT (connection_id, id) DO UPDATE SET raw_json = excluded.raw_json, raw_hash = excluded.raw_hash, ")
            .Append("ashby_updated_ms = excluded.ashby_updated_ms, last_seen_ms = excluded.last_seen_ms, seen_pass = excluded.seen_pass, ")
            .Append("deleted_ms = NULL, merged_into_id = NULL");
        foreach (var column in stream.Columns) sql.Append(", ").Append(column.Name).Append(" = excluded.").Append(column.Name);
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>Binds rows <paramref name="start"/>.. to the row parameters, in the order <see cref="UpsertCommand"/> added them.</summary>
    private static void BindUpsert(DbCommand command, StreamDefinition stream, List<MirrorRow> rows, int start, int count)
    {
        var p = 3;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            command.Parameters[p++].Value = row.Id;
            command.Parameters[p++].Value = row.RawJson;
            command.Parameters[p++].Value = row.RawHash;
            command.Parameters[p++].Value = (object?)row.UpdatedMs ?? DBNull.Value;
            for (var c = 0; c < stream.Columns.Count; c++) command.Parameters[p++].Value = row.Values[c] ?? DBNull.Value;
        }
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
        for (var i = 0; i < ids.Count; i++)
        {
            var name = Name("@k", i);
            sql.Append(i == 0 ? "" : ", ").Append(name);
            command.Add(name, ids[i]);
        }

        command.CommandText = sql.Append(')').ToString();
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
}
