using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// Reads a file of prospects: CSV (strict UTF-8, a byte order mark allowed; comma, semicolon or tab) or XLSX (the first
/// sheet, streamed). The first row is the header. A file that cannot be read whole is refused with what to do; a bad
/// row is not the reader's business (the plan gives it its reason), except that formula cells are marked here.
/// </summary>
public static class BatchFileReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Reads <paramref name="content"/>; <paramref name="fileName"/> only helps the messages (and refuses old .xls files).</summary>
    /// <exception cref="DedupeBatchException">The file cannot be read as a batch; the message says why and what to do.</exception>
    public static BatchFile Read(string fileName, ReadOnlyMemory<byte> content)
    {
        if (content.Length == 0) throw new DedupeBatchException("The file is empty: give a header row (First name, Last name, Email, …) and a row per prospect.");
        if (content.Length > BatchLimits.MaxFileBytes)
        {
            throw new DedupeBatchException($"The file is {content.Length / 1024 / 1024} MB; at most {BatchLimits.MaxFileBytes / 1024 / 1024} MB is read in one batch. Split it into smaller files.");
        }

        var span = content.Span;
        if (span.StartsWith(ZipSignature)) return ReadXlsx(content);
        if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) || span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw new DedupeBatchException("The file is an old Excel workbook (.xls); save it as Excel Workbook (.xlsx) or as CSV UTF-8 and upload it again.");
        }

        return ReadCsv(Decode(span));
    }

    /// <summary>The text of a CSV file, which must be UTF-8.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        const string SaveAs = "save it as CSV UTF-8 (in Excel: File › Save As › \"CSV UTF-8 (Comma delimited)\") and upload it again";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new DedupeBatchException($"The file is UTF-16 text, not UTF-8; {SaveAs}.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new DedupeBatchException($"The file is not UTF-8 text (it may be Windows-1252 or Latin-1, as Excel's plain \"CSV\" writes); {SaveAs}.");
        }

        if (text.Contains('\0', StringComparison.Ordinal)) throw new DedupeBatchException($"The file holds binary data, not CSV text; {SaveAs}.");
        return text;
    }

    private static BatchFile ReadCsv(string text)
    {
        var firstLine = text.AsSpan()[..Math.Max(0, text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? end : text.Length)];
        var separator = firstLine.Contains(',') ? ',' : firstLine.Contains(';') ? ';' : firstLine.Contains('\t') ? '\t' : ',';
        var options = new CsvReaderOptions { Separator = separator, TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw, MaxRecordSize = 256 * 1024, TrackLineNumbers = true };
        using var reader = new StringReader(text);
        using var csv = CsvReader.Create(reader, options, true);
        var rows = new List<BatchFileRow>();
        string[] headers;
        var number = 1;
        try
        {
            csv.ReadHeader();
            if (csv.Headers is not { Count: > 0 } given || given.All(h => h.Trim().Length == 0))
            {
                throw new DedupeBatchException("The file has no header row: the first row must name the columns (First name, Last name, Email, …).");
            }

            headers = Headers([.. given]);
            while (csv.Read())
            {
                number = (int)csv.LineNumber;
                var cells = csv.Current.ToArray();
                if (cells.All(c => c.Trim().Length == 0)) continue;
                Limit(rows.Count + 1);
                var trimmed = Cells(cells, headers.Length);
                var formulas = new List<int>();
                for (var i = 0; i < trimmed.Length; i++)
                {
                    if (FormulaText.IsFormula(trimmed[i])) formulas.Add(i);
                }

                rows.Add(new BatchFileRow(number, trimmed, formulas));
            }
        }
        catch (CsvFormatException)
        {
            throw new DedupeBatchException($"The row after row {number} is not valid CSV (check its quotes: a quoted cell must end with a quote); nothing was read.");
        }

        return Finish(headers, rows);
    }

    private static BatchFile ReadXlsx(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw NotAWorkbook();
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new DedupeBatchException("The workbook has no sheet: put the prospects on its first sheet.");
            if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart part) throw new DedupeBatchException("The workbook's first sheet is not a worksheet (a chart?): put the prospects on its first sheet.");
            var shared = SharedStrings(workbook);

            string[]? headers = null;
            var rows = new List<BatchFileRow>();
            using var reader = OpenXmlReader.Create(part);
            var nextRow = 1;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : nextRow;
                nextRow = number + 1;
                var cells = new SortedDictionary<int, (string Text, bool Formula)>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : position;
                    position = column + 1;
                    if (column >= BatchLimits.MaxColumns) throw TooManyColumns();
                    cells[column] = (CellText(cell, shared), cell.CellFormula is not null);
                }

                if (cells.Values.All(c => c.Text.Length == 0 && !c.Formula)) continue;
                var width = Math.Max(headers?.Length ?? 0, cells.Count == 0 ? 0 : cells.Keys.Max() + 1);
                var texts = new string[width];
                for (var i = 0; i < width; i++) texts[i] = cells.TryGetValue(i, out var c) ? c.Text : "";
                if (headers is null)
                {
                    headers = Headers(texts);
                    continue;
                }

                Limit(rows.Count + 1);
                rows.Add(new BatchFileRow(number, Cells(texts, headers.Length), [.. cells.Where(c => c.Value.Formula).Select(c => c.Key)]));
            }

            if (headers is null) throw new DedupeBatchException("The workbook's first sheet is empty: give a header row (First name, Last name, Email, …) and a row per prospect.");
            return Finish(headers, rows);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            throw NotAWorkbook();
        }
    }

    private static DedupeBatchException NotAWorkbook() =>
        new("The file looks like a zip archive but is not a readable Excel workbook (.xlsx); open it in Excel and save it as .xlsx or as CSV UTF-8.");

    private static DedupeBatchException TooManyColumns() => new($"The file has more than {BatchLimits.MaxColumns} columns; keep the ones with the prospects' details.");

    private static string[] SharedStrings(WorkbookPart workbook)
    {
        if (workbook.SharedStringTablePart is not { } part) return [];
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                // The text and its rich-text runs, not the phonetic hints (rPh) some East Asian files carry.
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }

        return [.. strings];
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i].Trim() : "";
        }

        if (type == CellValues.InlineString) return (cell.InlineString?.Text?.Text ?? cell.InlineString?.InnerText ?? "").Trim();
        if (type == CellValues.Boolean) return value == "1" ? "TRUE" : "FALSE";
        return value.Trim();
    }

    /// <summary>The zero-based column of a reference such as <c>AB12</c>.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            column = (column * 26) + (ch - 'A' + 1);
            if (column > BatchLimits.MaxColumns) throw TooManyColumns();
        }

        return Math.Max(0, column - 1);
    }

    private static string[] Headers(string[] given)
    {
        var last = Array.FindLastIndex(given, h => h.Trim().Length > 0);
        if (last + 1 > BatchLimits.MaxColumns) throw TooManyColumns();
        return [.. given.Take(last + 1).Select(h => h.Trim())];
    }

    private static string[] Cells(string[] given, int width)
    {
        var cells = new string[Math.Max(width, 0)];
        for (var i = 0; i < cells.Length; i++)
        {
            var text = i < given.Length ? given[i].Trim() : "";
            cells[i] = text.Length > BatchLimits.MaxCellLength ? text[..BatchLimits.MaxCellLength] : text;
        }

        return cells;
    }

    private static void Limit(int rows)
    {
        if (rows > BatchLimits.MaxRows) throw new DedupeBatchException($"The file has more than {BatchLimits.MaxRows:N0} rows; at most {BatchLimits.MaxRows:N0} are read in one batch. Split it into smaller files.");
    }

    private static BatchFile Finish(string[] headers, List<BatchFileRow> rows)
    {
        if (rows.Count == 0) throw new DedupeBatchException("The file has a header but no prospects: add a row per prospect under the header.");
        return new BatchFile(headers, rows);
    }
}
