using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ashbridge.Testing;

/// <summary>
/// Writes small XLSX workbooks with the Open XML SDK, as Excel does: text as shared strings (or inline), numbers as
/// numbers, and a cell given as <c>"=…"</c> as a formula (with its cached value), each cell with its reference so a
/// blank cell may be left out.
/// </summary>
public static class XlsxFile
{
    /// <summary>A workbook of one sheet holding <paramref name="rows"/> (the first is the header); a null cell is left out.</summary>
    public static byte[] Create(IEnumerable<IReadOnlyList<object?>> rows, bool inlineStrings = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var strings = new List<string>();
            var data = new SheetData();
            var number = 0u;
            foreach (var values in rows)
            {
                number++;
                var row = new Row { RowIndex = number };
                for (var i = 0; i < values.Count; i++)
                {
                    if (values[i] is not { } value) continue;
                    var cell = new Cell { CellReference = Column(i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    switch (value)
                    {
                        case string text when text.StartsWith('='):
                            cell.CellFormula = new CellFormula(text[1..]);
                            cell.DataType = CellValues.String;
                            cell.CellValue = new CellValue("0");
                            break;
                        case string text when inlineStrings:
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new Text(text));
                            break;
                        case string text:
                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(strings.Count);
                            strings.Add(text);
                            break;
                        case long or int or double or decimal:
                            cell.CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                            break;
                        default:
                            throw new ArgumentException($"Cells are text or numbers, not {value.GetType().Name}.", nameof(rows));
                    }

                    row.Append(cell);
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Prospects" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
