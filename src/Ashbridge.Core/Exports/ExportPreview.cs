namespace Ashbridge.Core.Exports;

/// <summary>The first rows of an export as the page shows them, with the run's problems so far.</summary>
public sealed record ExportPreview(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<ExportRow> Rows, IReadOnlyList<ExportProblem> Problems);
