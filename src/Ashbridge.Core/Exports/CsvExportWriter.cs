using System.Text;
using CsvHelper;

namespace Ashbridge.Core.Exports;

/// <summary>Writes an export as CSV (RFC 4180, UTF-8, via CsvHelper), a row at a time; cells a spreadsheet would run as formulas are escaped.</summary>
internal static class CsvExportWriter
{
    public static async Task<long> WriteAsync(IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        // Names come from candidates: a leading =, +, - or @ must not become a formula in the planner's spreadsheet.
        await using var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
        await csv.WriteRecordAsync([.. columns.Select(c => c.Name)], cancellationToken).ConfigureAwait(false);
        long count = 0;
        var fields = new string[columns.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < fields.Length; i++) fields[i] = ExportCells.Text(row.Cells[i]) ?? "";
            await csv.WriteRecordAsync(fields, cancellationToken).ConfigureAwait(false);
            count++;
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }
}
