using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;

namespace Ashbridge.Core.Exports;

/// <summary>
/// What "changed" means for <c>?since=</c>. The mirror's <c>last_seen_ms</c> moves on every full pass whether a row
/// changed or not, and an export row is made of several mirror rows (application, candidate, job, offer, member,
/// department names), so the export keeps its own record: a fingerprint of every exported value of each row (compensation
/// included), and when that fingerprint last changed. A <c>since</c> pull recomputes the rows, records new fingerprints
/// (the change time is that pull's time) and keeps the rows whose change time is after <c>since</c>. A row the export
/// never recorded counts as changed now, so the first <c>since</c> pull gives every row; a row that stopped being hired is
/// not reported (pull everything now and then to drop it).
/// </summary>
internal static class ExportChanges
{
    public static async IAsyncEnumerable<ExportRow> ChangedSinceAsync(
        DbConnection db, long exportId, IAsyncEnumerable<ExportRow> rows, long sinceMs, long nowMs, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<(ExportRow Row, long Fingerprint)>(batchSize);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add((row, Fingerprint(row)));
            if (batch.Count < batchSize) continue;
            foreach (var changed in await RecordAsync(db, exportId, batch, sinceMs, nowMs, cancellationToken).ConfigureAwait(false)) yield return changed;
            batch.Clear();
        }

        foreach (var changed in await RecordAsync(db, exportId, batch, sinceMs, nowMs, cancellationToken).ConfigureAwait(false)) yield return changed;
    }

    private static async Task<List<ExportRow>> RecordAsync(
        DbConnection db, long exportId, List<(ExportRow Row, long Fingerprint)> batch, long sinceMs, long nowMs, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return [];
        var parameters = new DynamicParameters(new { exportId });
        var known = (await db.QueryAsync<(string Key, long Fingerprint, long ChangedMs)>(new CommandDefinition(
            $"SELECT row_key, fingerprint, changed_ms FROM export_row_states WHERE export_id = @exportId AND row_key IN ({SqlList.In(parameters, "k", [.. batch.Select(b => b.Row.Key)])})",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(r => r.Key, r => (r.Fingerprint, r.ChangedMs), StringComparer.Ordinal);
        var changed = new List<ExportRow>();
        var writes = new List<object>();
        foreach (var (row, fingerprint) in batch)
        {
            var changedMs = known.TryGetValue(row.Key, out var state) && state.Fingerprint == fingerprint ? state.ChangedMs : nowMs;
            if (changedMs == nowMs) writes.Add(new { exportId, key = row.Key, fingerprint, nowMs });
            if (changedMs > sinceMs) changed.Add(row);
        }

        if (writes.Count > 0)
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO export_row_states (export_id, row_key, fingerprint, changed_ms) VALUES (@exportId, @key, @fingerprint, @nowMs) "
                + "ON CONFLICT (export_id, row_key) DO UPDATE SET fingerprint = excluded.fingerprint, changed_ms = excluded.changed_ms",
                writes, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>A 64-bit hash of every cell, each with its kind, so "" and null and 1 and "1" differ.</summary>
    internal static long Fingerprint(ExportRow row)
    {
        var text = new StringBuilder();
        foreach (var cell in row.Cells)
        {
            text.Append(cell switch { null => "\u0000", string[] list => "L" + string.Join('\u001f', list), _ => cell.GetType().Name[0] + ExportCells.Text(cell) }).Append('\u001e');
        }

        return RowHash.Of(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
