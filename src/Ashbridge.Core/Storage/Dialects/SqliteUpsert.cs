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
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, bool insertOnly,
        CancellationToken cancellationToken)
    {
        Write((SqliteConnection)connection, connectionId, stream, rows, seenPass, nowMs, insertOnly);
        return Task.CompletedTask;
    }

    public Task RewriteJsonAsync(
        DbConnection connection, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs,
        CancellationToken cancellationToken)
    {
        Rewrite((SqliteConnection)connection, connectionId, stream, rows, seenPass, nowMs);
        return Task.CompletedTask;
    }

    private static void Write(SqliteConnection connection, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, bool insertOnly)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
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
                    statement = Prepare(db, stream, count, insertOnly);
                    statementRows = count;
                    Check(db, raw.sqlite3_bind_int64(statement, 1, connectionId));
                    Check(db, raw.sqlite3_bind_int64(statement, 2, nowMs));
                    Check(db, raw.sqlite3_bind_int64(statement, 3, seenPass));
                }

                for (var r = 0; r < count; r++) Bind(db, statement, stream, r, rows[start + r]);
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(done, db);
                Check(db, raw.sqlite3_reset(statement));
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
    private static void Rewrite(SqliteConnection connection, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db,
            $"UPDATE {stream.Table} SET raw_json = ?4, raw_hash = ?5, ashby_updated_ms = ?6, last_seen_ms = ?2, seen_pass = ?3 WHERE connection_id = ?1 AND id = ?7",
            out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_int64(statement, 1, connectionId));
            Check(db, raw.sqlite3_bind_int64(statement, 2, nowMs));
            Check(db, raw.sqlite3_bind_int64(statement, 3, seenPass));
            foreach (var row in rows)
            {
                Check(db, raw.sqlite3_bind_text(statement, 4, row.RawJson.Span)); // copied by SQLite (SQLITE_TRANSIENT)
                Check(db, raw.sqlite3_bind_int64(statement, 5, row.RawHash));
                Check(db, row.UpdatedMs is { } updated ? raw.sqlite3_bind_int64(statement, 6, updated) : raw.sqlite3_bind_null(statement, 6));
                Check(db, raw.sqlite3_bind_text(statement, 7, row.Id));
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(done, db);
                Check(db, raw.sqlite3_reset(statement));
            }
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, StreamDefinition stream, int rows, bool insertOnly)
    {
        var perRow = (int)MirrorUpsertSql.RowParameter.FirstColumn + stream.Columns.Count;
        var sql = MirrorUpsertSql.For(stream, rows, (row, parameter) => string.Create(CultureInfo.InvariantCulture, $"?{Number(perRow, row, (int)parameter)}"), insertOnly)
            .Replace("@connection", "?1", StringComparison.Ordinal).Replace("@now", "?2", StringComparison.Ordinal).Replace("@pass", "?3", StringComparison.Ordinal);
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private static int Number(int perRow, int row, int parameter) => SharedParameters + 1 + (row * perRow) + parameter;

    private static void Bind(sqlite3 db, sqlite3_stmt statement, StreamDefinition stream, int row, MirrorRow value)
    {
        var perRow = (int)MirrorUpsertSql.RowParameter.FirstColumn + stream.Columns.Count;
        int At(MirrorUpsertSql.RowParameter parameter) => Number(perRow, row, (int)parameter);
        Check(db, raw.sqlite3_bind_text(statement, At(MirrorUpsertSql.RowParameter.Id), value.Id));
        Check(db, raw.sqlite3_bind_text(statement, At(MirrorUpsertSql.RowParameter.Json), value.RawJson.Span)); // copied by SQLite (SQLITE_TRANSIENT)
        Check(db, raw.sqlite3_bind_int64(statement, At(MirrorUpsertSql.RowParameter.Hash), value.RawHash));
        var updatedAt = At(MirrorUpsertSql.RowParameter.Updated);
        Check(db, value.UpdatedMs is { } updated ? raw.sqlite3_bind_int64(statement, updatedAt, updated) : raw.sqlite3_bind_null(statement, updatedAt));
        for (var c = 0; c < stream.Columns.Count; c++)
        {
            var index = At(MirrorUpsertSql.RowParameter.FirstColumn + c);
            Check(db, value.Values[c] switch
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

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, db);
    }
}
