using System.Data.Common;
using System.Globalization;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Sync;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// The mirror's upsert on SQLite, through the statement API of SQLitePCLRaw (the native layer Microsoft.Data.Sqlite
/// runs on), inside the connection's open transaction. A full pass hands SQLite hundreds of megabytes of Ashby JSON;
/// through <see cref="SqliteCommand"/> each row's JSON became a .NET string (UTF-16) and then UTF-8 again when bound,
/// and each parameter was found by name in a linear scan. Here the JSON is bound as the UTF-8 bytes Ashby sent and
/// every parameter by its number. The work is synchronous (SQLite's is), so the tasks are completed ones.
/// </summary>
internal sealed class SqliteUpsert : IMirrorUpsert
{
    /// <summary>Rows per statement: one statement of ten rows, prepared once per call and re-bound for each ten.</summary>
    private const int RowsPerStatement = 10;

    private const int SharedParameters = 3; // ?1 connection, ?2 now, ?3 pass

    /// <summary>SQLite rewrites the index entries of every column an update sets, equal or not.</summary>
    public bool RewritesJsonAlone => true;

    public Task WriteAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, bool insertOnly,
        CancellationToken cancellationToken)
    {
        Write((SqliteConnection)db, connectionId, stream, rows, seenPass, nowMs, insertOnly);
        return Task.CompletedTask;
    }

    public Task RewriteJsonAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs,
        CancellationToken cancellationToken)
    {
        Rewrite((SqliteConnection)db, connectionId, stream, rows, seenPass, nowMs);
        return Task.CompletedTask;
    }

    private static void Write(SqliteConnection db, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, bool insertOnly)
    {
        var handle = db.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        sqlite3_stmt? statement = null;
        var statementRows = 0;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                if (statement is null || statementRows != count)
                {
                    statement?.Dispose();
                    statement = Prepare(handle, stream, count, insertOnly);
                    statementRows = count;
                    Check(handle, raw.sqlite3_bind_int64(statement, 1, connectionId));
                    Check(handle, raw.sqlite3_bind_int64(statement, 2, nowMs));
                    Check(handle, raw.sqlite3_bind_int64(statement, 3, seenPass));
                }

                for (var r = 0; r < count; r++) Bind(handle, statement, stream, r, rows[start + r]);
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(done, handle);
                Check(handle, raw.sqlite3_reset(statement));
            }
        }
        finally
        {
            statement?.Dispose();
        }
    }

    /// <summary>
    /// Rewrites the JSON of changed rows whose typed columns are as stored, and stamps them as seen. It sets no indexed
    /// column, so SQLite leaves every index alone: an upsert rewrites the entries of each column it sets, equal or not,
    /// and for an incremental pass that was a large share of the pages it wrote.
    /// </summary>
    private static void Rewrite(SqliteConnection db, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs)
    {
        var handle = db.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(handle, raw.sqlite3_prepare_v2(handle,
            $"UPDATE {stream.Table} SET raw_json = ?4, raw_hash = ?5, ashby_updated_ms = ?6, last_seen_ms = ?2, seen_pass = ?3 WHERE connection_id = ?1 AND id = ?7",
            out var statement));
        using (statement)
        {
            Check(handle, raw.sqlite3_bind_int64(statement, 1, connectionId));
            Check(handle, raw.sqlite3_bind_int64(statement, 2, nowMs));
            Check(handle, raw.sqlite3_bind_int64(statement, 3, seenPass));
            foreach (var row in rows)
            {
                Check(handle, raw.sqlite3_bind_text(statement, 4, row.RawJson.Span)); // copied by SQLite (SQLITE_TRANSIENT)
                Check(handle, raw.sqlite3_bind_int64(statement, 5, row.RawHash));
                Check(handle, row.UpdatedMs is { } updated ? raw.sqlite3_bind_int64(statement, 6, updated) : raw.sqlite3_bind_null(statement, 6));
                Check(handle, raw.sqlite3_bind_text(statement, 7, row.Id));
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(done, handle);
                Check(handle, raw.sqlite3_reset(statement));
            }
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 handle, StreamDefinition stream, int rows, bool insertOnly)
    {
        var perRow = (int)MirrorUpsertSql.RowParameter.FirstColumn + stream.Columns.Count;
        var sql = MirrorUpsertSql.For(stream, rows, (row, parameter) => string.Create(CultureInfo.InvariantCulture, $"?{Number(perRow, row, (int)parameter)}"), insertOnly)
            .Replace("@connection", "?1", StringComparison.Ordinal).Replace("@now", "?2", StringComparison.Ordinal).Replace("@pass", "?3", StringComparison.Ordinal);
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        return statement;
    }

    private static int Number(int perRow, int row, int parameter) => SharedParameters + 1 + (row * perRow) + parameter;

    private static void Bind(sqlite3 handle, sqlite3_stmt statement, StreamDefinition stream, int row, MirrorRow value)
    {
        var perRow = (int)MirrorUpsertSql.RowParameter.FirstColumn + stream.Columns.Count;
        int At(MirrorUpsertSql.RowParameter parameter) => Number(perRow, row, (int)parameter);
        Check(handle, raw.sqlite3_bind_text(statement, At(MirrorUpsertSql.RowParameter.Id), value.Id));
        Check(handle, raw.sqlite3_bind_text(statement, At(MirrorUpsertSql.RowParameter.Json), value.RawJson.Span)); // copied by SQLite (SQLITE_TRANSIENT)
        Check(handle, raw.sqlite3_bind_int64(statement, At(MirrorUpsertSql.RowParameter.Hash), value.RawHash));
        var updatedAt = At(MirrorUpsertSql.RowParameter.Updated);
        Check(handle, value.UpdatedMs is { } updated ? raw.sqlite3_bind_int64(statement, updatedAt, updated) : raw.sqlite3_bind_null(statement, updatedAt));
        for (var c = 0; c < stream.Columns.Count; c++)
        {
            var index = At(MirrorUpsertSql.RowParameter.FirstColumn + c);
            Check(handle, value.Values[c] switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                string text => raw.sqlite3_bind_text(statement, index, text),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                var other => throw new InvalidOperationException($"{stream.Table}.{stream.Columns[c].Name}: cannot store a {other.GetType().Name}."),
            });
        }
    }

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, handle);
    }
}
