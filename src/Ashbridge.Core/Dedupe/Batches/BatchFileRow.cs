namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// One row of a file: its line (the header is row 1), its cells by column (trimmed, empty when missing), and the
/// columns whose cell is a formula (an XLSX formula, or CSV text a spreadsheet would run as one); such a row is refused.
/// </summary>
public sealed record BatchFileRow(int Number, IReadOnlyList<string> Cells, IReadOnlyList<int> FormulaColumns);
