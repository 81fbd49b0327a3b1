using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ashbridge.Core.Exports;

/// <summary>
/// Writes an export as an XLSX workbook with the Open XML SDK's <see cref="OpenXmlWriter"/>: rows stream into the sheet
/// part (inline strings, no shared-string table), so memory stays flat. A package needs a seekable stream: for any other
/// (an HTTP response) the workbook is written to a temporary file first, then copied.
/// </summary>
internal static class XlsxExportWriter
{
    public static async Task<long> WriteAsync(IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        if (output.CanSeek && output.CanRead) return await WritePackageAsync(columns, rows, output, cancellationToken).ConfigureAwait(false);
        var path = Path.Combine(Path.GetTempPath(), $"ashbridge-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var count = await WritePackageAsync(columns, rows, file, cancellationToken).ConfigureAwait(false);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static async Task<long> WritePackageAsync(IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportRow> rows, Stream stream, CancellationToken cancellationToken)
    {
        long count = 0;
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, [.. columns.Select(c => (object?)c.Name)], columns, header: true);
                await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    WriteRow(writer, row.Cells, columns, header: false);
                    count++;
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            using (var writer = OpenXmlWriter.Create(workbook))
            {
                writer.WriteStartElement(new Workbook());
                writer.WriteStartElement(new Sheets());
                writer.WriteElement(new Sheet { Name = "Hires", SheetId = 1, Id = workbook.GetIdOfPart(sheet) });
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        return count;
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] cells, IReadOnlyList<ExportColumn> columns, bool header)
    {
        writer.WriteStartElement(new Row());
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (cell is null)
            {
                writer.WriteElement(new Cell());
            }
            else if (!header && cell is decimal number && columns[i].Kind == ExportValueKind.Number)
            {
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) });
            }
            else if (!header && cell is bool flag)
            {
                writer.WriteElement(new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag) });
            }
            else
            {
                writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(ExportCells.Text(cell) ?? "")) });
            }
        }

        writer.WriteEndElement();
    }
}
