namespace Ashbridge.Core.Exports;

/// <summary>One row: its key and its cells, one per column of the schema it was read with (null: empty).</summary>
/// <param name="Key">The application id, or <c>opening:</c> and the opening id.</param>
/// <param name="Cells">string, decimal, bool or string[] values.</param>
public sealed record ExportRow(string Key, object?[] Cells);
