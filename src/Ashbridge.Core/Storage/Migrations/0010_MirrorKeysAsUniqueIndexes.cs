using System.Data;
using Dapper;
using FluentMigrator;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Each mirror table's key (connection, Ashby id) becomes a unique index, <c>ux_&lt;table&gt;_key</c>, instead of the
/// primary key, so that a first full pass can set it aside with the secondary indexes and build it once after the rows
/// (see <c>Sync.DeferredIndexes</c>): Ashby's ids are random, and every transaction of a first pass rewrote most of the
/// key's leaves. SQLite cannot drop a primary key, so there each table is rebuilt without it, rows and indexes kept.
/// </summary>
[Migration(10, "Mirror keys as unique indexes")]
public sealed class MirrorKeysAsUniqueIndexes : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        foreach (var table in CreateMirrorTables.Tables)
        {
            Execute.WithConnection((db, transaction) =>
            {
                if (db is SqliteConnection) RebuildOnSqlite(db, transaction, table, PrimaryKey(table), "");
                else db.Execute($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"PK_{table}\"", transaction: transaction);
            });
            Create.Index(Key(table)).OnTable(table).OnColumn("connection_id").Ascending().OnColumn("id").Ascending().WithOptions().Unique();
        }
    }

    /// <inheritdoc />
    public override void Down()
    {
        foreach (var table in CreateMirrorTables.Tables)
        {
            Delete.Index(Key(table)).OnTable(table);
            Execute.WithConnection((db, transaction) =>
            {
                if (db is SqliteConnection) RebuildOnSqlite(db, transaction, table, ForeignKey(table), PrimaryKey(table) + ForeignKey(table));
                else db.Execute($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"PK_{table}\" PRIMARY KEY (connection_id, id)", transaction: transaction);
            });
        }
    }

    /// <summary>The name of a mirror table's unique key.</summary>
    internal static string Key(string table) => $"ux_{table}_key";

    private static string PrimaryKey(string table) => $"CONSTRAINT \"PK_{table}\" PRIMARY KEY (\"connection_id\", \"id\"), ";

    private static string ForeignKey(string table) => $"CONSTRAINT \"fk_{table}_connection\"";

    /// <summary>Rebuilds a table from its own CREATE statement with <paramref name="from"/> replaced by <paramref name="to"/>: its rows, foreign key and indexes kept.</summary>
    private static void RebuildOnSqlite(IDbConnection db, IDbTransaction transaction, string table, string from, string to)
    {
        var create = db.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }, transaction)
            ?? throw new InvalidOperationException($"The table {table} does not exist.");
        if (!create.Contains(from, StringComparison.Ordinal)) throw new InvalidOperationException($"{table} is not as migration 2 created it: {create}");
        var indexes = db.Query<string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL", new { table }, transaction).ToList();
        var rebuilt = $"{table}_rebuilt";
        db.Execute(create.Replace(from, to, StringComparison.Ordinal).Replace($"CREATE TABLE \"{table}\"", $"CREATE TABLE \"{rebuilt}\"", StringComparison.Ordinal), transaction: transaction);
        db.Execute($"INSERT INTO \"{rebuilt}\" SELECT * FROM \"{table}\"", transaction: transaction);
        db.Execute($"DROP TABLE \"{table}\"", transaction: transaction);
        db.Execute($"ALTER TABLE \"{rebuilt}\" RENAME TO \"{table}\"", transaction: transaction);
        foreach (var index in indexes) db.Execute(index, transaction: transaction);
    }
}
