using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Sync;
using static Ashbridge.Core.Storage.Dialects.MirrorUpsertSql;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>
/// The mirror's upsert on PostgreSQL: one command with named, typed parameters (PostgreSQL needs a type even for the
/// nulls of a multi-row VALUES, or it guesses text). PostgreSQL compares an updated row's indexed values and leaves
/// equal entries alone, so it has no JSON-only rewrite.
/// </summary>
internal sealed class PostgresUpsert : IMirrorUpsert
{
    public bool RewritesJsonAlone => false;

    public async Task WriteAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs, bool insertOnly,
        CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, MirrorUpsertSql.For(stream, rows.Count, NamedParameter, insertOnly));
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

    /// <summary>Not asked for (<see cref="RewritesJsonAlone"/> is false); an upsert does the same.</summary>
    public Task RewriteJsonAsync(
        DbConnection db, DbTransaction transaction, long connectionId, StreamDefinition stream, List<MirrorRow> rows, long seenPass, long nowMs,
        CancellationToken cancellationToken) =>
        WriteAsync(db, transaction, connectionId, stream, rows, seenPass, nowMs, insertOnly: false, cancellationToken);

    private static string NamedParameter(int row, RowParameter parameter) => parameter switch
    {
        RowParameter.Id => Name("@i", row),
        RowParameter.Json => Name("@j", row),
        RowParameter.Hash => Name("@h", row),
        RowParameter.Updated => Name("@u", row),
        _ => string.Create(CultureInfo.InvariantCulture, $"@v{row}_{parameter - RowParameter.FirstColumn}"),
    };

    private static string Name(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}");

    private static DbType DbTypeOf(MirrorColumnType type) => type switch
    {
        MirrorColumnType.Time => DbType.Int64,
        MirrorColumnType.Number => DbType.Int32,
        MirrorColumnType.Boolean => DbType.Boolean,
        _ => DbType.String,
    };
}
