namespace Ashbridge.Core.Exports;

/// <summary>A value that did not fit its column's type: the cell was left empty.</summary>
/// <param name="Row">The row's key (the application id, or <c>opening:</c> and the opening id).</param>
/// <param name="Column">The column's name.</param>
/// <param name="Message">What was wrong.</param>
public sealed record ExportProblem(string Row, string Column, string Message);
