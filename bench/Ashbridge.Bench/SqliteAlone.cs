using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ashbridge.Bench;

/// <summary>
/// SQLite's own share of a full pass, for the bound the mirror bench prints: the rows a full sync stored, written again
/// into a fresh database of the same schema and settings as the sync writes them (rows first, then the indexes, 1,600
/// rows per transaction, checkpoints of 10,000 pages, the WAL truncated at the end), through SQLite's statement API
/// with every value already in memory. Only the writing is timed; reading the rows back is not. No engine can write
/// these rows with less than this.
/// </summary>
internal static class SqliteAlone
{
    private const int RowsPerTransaction = 1_600;

    /// <summary><c>mirror-sqlite-alone SOURCE_DB TARGET_DB</c>: prints one JSON line, as a measured pass does.</summary>
    public static async Task<int> ChildMainAsync(string[] args)
    {
        var (source, target) = (args[1], args[2]);
        await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(target));
        await using var writer = (SqliteConnection)await database.ConnectForBulkWritesAsync();
        Execute(writer.Handle!, "PRAGMA wal_autocheckpoint = 10000;"); // the sync checkpoints as often, on a connection beside its writer
        Execute(writer.Handle!, $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS source; INSERT INTO connections SELECT * FROM source.connections; DETACH DATABASE source;"); // the rows' owners
        using (var readerConnection = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False"))
        {
            readerConnection.Open();
            var (wall, cpu, rows) = (TimeSpan.Zero, TimeSpan.Zero, 0L);
            var breakdown = new List<string>();
            foreach (var stream in MirrorStreams.All)
            {
                var (columns, values) = ReadAll(readerConnection.Handle!, stream.Table);
                var (streamWall, streamCpu) = Measure(() => WriteAll(writer, stream.Table, columns, values));
                (wall, cpu, rows) = (wall + streamWall, cpu + streamCpu, rows + values.Count);
                if (streamWall.TotalSeconds >= 0.05) breakdown.Add(string.Create(CultureInfo.InvariantCulture, $"{stream.Name} {streamWall.TotalSeconds:F1}s"));
            }

            var (checkpointWall, checkpointCpu) = Measure(() => Execute(writer.Handle!, "PRAGMA wal_checkpoint(TRUNCATE);"));
            (wall, cpu) = (wall + checkpointWall, cpu + checkpointCpu);
            Console.WriteLine(JsonSerializer.Serialize(new MirrorSyncBench.ChildResult(0, rows, wall.TotalSeconds, MirrorSyncBench.PeakRssMb(), string.Join(", ", breakdown), cpu.TotalSeconds)));
        }

        return 0;
    }

    private static (TimeSpan Wall, TimeSpan Cpu) Measure(Action write)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        write();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpu);
    }

    /// <summary>Every row of a table, each value as SQLite holds it: null, an integer, a real, or text as its UTF-8 bytes.</summary>
    private static (List<string> Columns, List<object?[]> Rows) ReadAll(sqlite3 db, string table)
    {
        Check(db, raw.sqlite3_prepare_v2(db, $"SELECT * FROM {table}", out var statement));
        using (statement)
        {
            var columns = Enumerable.Range(0, raw.sqlite3_column_count(statement)).Select(i => raw.sqlite3_column_name(statement, i).utf8_to_string()).ToList();
            var rows = new List<object?[]>();
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = raw.sqlite3_column_type(statement, i) switch
                    {
                        raw.SQLITE_NULL => null,
                        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, i),
                        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, i),
                        raw.SQLITE_TEXT => raw.sqlite3_column_blob(statement, i).ToArray(),
                        var type => throw new InvalidOperationException($"{table}.{columns[i]}: a value of SQLite type {type} was not expected."),
                    };
                }

                rows.Add(row);
            }

            return (columns, rows);
        }
    }

    /// <summary>As a first full pass writes a table: its indexes set aside, the rows in groups, the indexes built after.</summary>
    private static void WriteAll(SqliteConnection connection, string table, List<string> columns, List<object?[]> rows)
    {
        var db = connection.Handle!;
        var indexes = new List<(string Name, string Sql)>();
        Check(db, raw.sqlite3_prepare_v2(db, $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL", out var list));
        using (list)
        {
            while (raw.sqlite3_step(list) == raw.SQLITE_ROW) indexes.Add((raw.sqlite3_column_text(list, 0).utf8_to_string(), raw.sqlite3_column_text(list, 1).utf8_to_string()));
        }

        foreach (var (name, _) in indexes) Execute(db, $"DROP INDEX {name}");
        Check(db, raw.sqlite3_prepare_v2(db, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})", out var insert));
        using (insert)
        {
            for (var start = 0; start < rows.Count; start += RowsPerTransaction)
            {
                Execute(db, "BEGIN");
                foreach (var row in rows.Skip(start).Take(RowsPerTransaction))
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        Check(db, row[i] switch
                        {
                            null => raw.sqlite3_bind_null(insert, i + 1),
                            long number => raw.sqlite3_bind_int64(insert, i + 1, number),
                            double number => raw.sqlite3_bind_double(insert, i + 1, number),
                            byte[] text => raw.sqlite3_bind_text(insert, i + 1, text),
                            var other => throw new InvalidOperationException($"cannot bind a {other.GetType().Name}"),
                        });
                    }

                    if (raw.sqlite3_step(insert) != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(raw.sqlite3_errcode(db), db);
                    Check(db, raw.sqlite3_reset(insert));
                }

                Execute(db, "COMMIT");
            }
        }

        foreach (var (_, sql) in indexes) Execute(db, sql);
    }

    private static void Execute(sqlite3 db, string sql) => Check(db, raw.sqlite3_exec(db, sql));

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, db);
    }
}
