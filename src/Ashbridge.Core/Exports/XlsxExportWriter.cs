using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ashbridge.Core.Exports;

/// <summary>
/// Writes an export as an XLSX workbook. The package is a <see cref="ZipArchive"/> in Create mode, which streams entries
/// (System.IO.Packaging buffered the whole sheet part in memory); the sheet XML streams through the Open XML SDK's
/// <see cref="OpenXmlWriter"/> with inline strings, so no shared-string table is needed and memory stays flat.
/// The zip writes synchronously, so it writes into a small in-memory chunk that is drained to the output asynchronously
/// (an HTTP response forbids synchronous writes).
/// </summary>
internal static class XlsxExportWriter
{
    private const int DrainThreshold = 64 * 1024;

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string Workbook =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hires" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""";

    public static async Task<long> WriteAsync(IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        long count = 0;
        var chunk = new MemoryStream();
        using (var archive = new ZipArchive(new ForwardOnlyStream(chunk), ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteText(archive, "[Content_Types].xml", ContentTypes);
            WriteText(archive, "_rels/.rels", PackageRelationships);
            WriteText(archive, "xl/workbook.xml", Workbook);
            WriteText(archive, "xl/_rels/workbook.xml.rels", WorkbookRelationships);

            using (var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(entry))
            {
                writer.WriteStartDocument(true);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, [.. columns.Select(c => (object?)c.Name)], columns, header: true);
                await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    WriteRow(writer, row.Cells, columns, header: false);
                    count++;
                    if (chunk.Length >= DrainThreshold) await DrainAsync(chunk, output, cancellationToken).ConfigureAwait(false);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        await DrainAsync(chunk, output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static void WriteText(ZipArchive archive, string name, string content)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes(content);
        entry.Write(bytes, 0, bytes.Length);
    }

    private static async Task DrainAsync(MemoryStream chunk, Stream output, CancellationToken cancellationToken)
    {
        if (chunk.Length == 0) return;
        await output.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length), cancellationToken).ConfigureAwait(false);
        chunk.SetLength(0);
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

    /// <summary>Hides the chunk's seekability so the archive never seeks back into bytes already drained.</summary>
    private sealed class ForwardOnlyStream(MemoryStream chunk) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => chunk.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => chunk.Write(buffer);
    }
}
