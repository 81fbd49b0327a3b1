using System.Text;
using Ashbridge.Core.Dedupe.Batches;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Dedupe.Batches;

/// <summary>Reading batch files: CSV in UTF-8 (and nothing else), XLSX through the Open XML SDK, formula cells, and the limits.</summary>
public sealed class BatchFileReaderTests
{
    private static ReadOnlyMemory<byte> Utf8(string text, bool bom = false) => (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    [Fact]
    public void A_csv_is_read_with_its_header_and_rows_numbered_as_a_spreadsheet_shows_them()
    {
        var file = BatchFileReader.Read("p.csv", Utf8("First name,Last name,Email\r\nZoë,Ångström,zoe@example.com\r\n\r\n\"Smith, Jr\",\"O\"\"Neil\", jo@example.com \r\n", bom: true));
        file.Headers.ShouldBe(["First name", "Last name", "Email"]);
        file.Rows.Count.ShouldBe(2);
        file.Rows[0].ShouldSatisfyAllConditions(r => r.Number.ShouldBe(2), r => r.Cells.ShouldBe(["Zoë", "Ångström", "zoe@example.com"]), r => r.FormulaColumns.ShouldBeEmpty());
        file.Rows[1].Cells.ShouldBe(["Smith, Jr", "O\"Neil", "jo@example.com"]);
        file.Rows[1].Number.ShouldBe(4); // the blank line 3 is skipped, not renumbered
    }

    [Fact]
    public void A_semicolon_csv_as_european_excel_writes_it_is_read_too()
    {
        var file = BatchFileReader.Read("p.csv", Utf8("Name;Email\nAda Lovelace;ada@example.com\n"));
        file.Headers.ShouldBe(["Name", "Email"]);
        file.Rows[0].Cells.ShouldBe(["Ada Lovelace", "ada@example.com"]);
    }

    [Fact]
    public void A_csv_in_another_encoding_is_refused_with_what_to_do()
    {
        var latin1 = Encoding.Latin1.GetBytes("Name,Email\nZoë Ångström,zoe@example.com\n");
        var ex = Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.csv", latin1));
        ex.Message.ShouldContain("not UTF-8");
        ex.Message.ShouldContain("CSV UTF-8");

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Name,Email\n")).ToArray();
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.csv", utf16)).Message.ShouldContain("UTF-16");
    }

    [Fact]
    public void Formula_cells_of_a_csv_are_marked_but_phone_numbers_and_negative_numbers_are_not()
    {
        var file = BatchFileReader.Read("p.csv", Utf8("Name,Email,Phone,Note\nA B,a@example.com,+44 20 7946 0018,\"=HYPERLINK(\"\"x\"\")\"\nC D,c@example.com,@SUM(A1),-1\nE F,e@example.com,+cmd|' /C calc'!A0,-2+3\n"));
        file.Rows[0].FormulaColumns.ShouldBe([3]);
        file.Rows[1].FormulaColumns.ShouldBe([2]);
        file.Rows[2].FormulaColumns.ShouldBe([2, 3]);
        FormulaText.IsFormula("+1 (415) 555-0199 x12").ShouldBeFalse();
        FormulaText.IsFormula("-").ShouldBeTrue();
    }

    [Fact]
    public void An_xlsx_is_read_from_its_first_sheet_with_shared_and_inline_strings_numbers_gaps_and_formulas()
    {
        foreach (var inline in new[] { false, true })
        {
            var xlsx = XlsxFile.Create(
            [
                ["First name", "Last name", "Email", "Phone", "Job"],
                ["Grace", "Hopper", "grace@example.com", 4155550199L, null],
                [null, null, null, null, null],
                ["Alan", null, "alan@example.com", "=1+1", "job-1"],
            ], inlineStrings: inline);
            var file = BatchFileReader.Read("p.xlsx", xlsx);
            file.Headers.ShouldBe(["First name", "Last name", "Email", "Phone", "Job"]);
            file.Rows.Count.ShouldBe(2);
            file.Rows[0].Cells.ShouldBe(["Grace", "Hopper", "grace@example.com", "4155550199", ""]);
            file.Rows[0].FormulaColumns.ShouldBeEmpty();
            file.Rows[1].Number.ShouldBe(4);
            file.Rows[1].Cells.ShouldBe(["Alan", "", "alan@example.com", "0", "job-1"]);
            file.Rows[1].FormulaColumns.ShouldBe([3]);
        }
    }

    [Fact]
    public void Files_that_cannot_be_a_batch_are_refused_whole_with_their_reason()
    {
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.csv", Array.Empty<byte>())).Message.ShouldContain("empty");
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.csv", Utf8("Name,Email\n"))).Message.ShouldContain("no prospects");
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.csv", Utf8("Name,Email\n\"Ada,ada@example.com\n"))).Message.ShouldContain("not valid CSV");
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 1, 2 })).Message.ShouldContain(".xlsx");
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 })).Message.ShouldContain("not a readable Excel workbook");

        var tooMany = new StringBuilder("Name,Email\n");
        for (var i = 0; i <= BatchLimits.MaxRows; i++) tooMany.Append("A B,a").Append(i).Append("@example.com\n");
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.csv", Utf8(tooMany.ToString()))).Message.ShouldContain("more than 50,000 rows");
        Should.Throw<DedupeBatchException>(() => BatchFileReader.Read("p.csv", new byte[BatchLimits.MaxFileBytes + 1])).Message.ShouldContain("at most 20 MB");
    }
}
