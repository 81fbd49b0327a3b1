using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ashbridge.Core.Tests.Exports;

/// <summary>Reads a workbook's first sheet back with the Open XML SDK, as text per cell (inline strings, numbers, booleans).</summary>
internal static class XlsxReading
{
    public static List<List<string?>> Rows(Stream xlsx)
    {
        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString?.Text?.Text : c.CellValue?.Text).ToList())];
    }
}
