using System.Text;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>The mirror's multi-row upsert, one statement shape for both databases; each dialect names the parameters its driver binds fastest.</summary>
internal static class MirrorUpsertSql
{
    private const string CommonColumns = "connection_id, id, raw_json, raw_hash, ashby_updated_ms, first_seen_ms, last_seen_ms, seen_pass, deleted_ms, merged_into_id";

    /// <summary>The parameters of one row of an upsert, in order; the typed columns follow <see cref="FirstColumn"/>.</summary>
    internal enum RowParameter
    {
        Id,
        Json,
        Hash,
        Updated,
        FirstColumn,
    }

    /// <summary>
    /// A multi-row upsert of <paramref name="rows"/> rows. <c>@connection</c>, <c>@now</c> and <c>@pass</c> are shared;
    /// <paramref name="parameter"/> names each row's parameters. <paramref name="insertOnly"/>: a plain insert, for a
    /// table whose key is set aside (an upsert needs the key).
    /// </summary>
    public static string For(StreamDefinition stream, int rows, Func<int, RowParameter, string> parameter, bool insertOnly)
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
}
