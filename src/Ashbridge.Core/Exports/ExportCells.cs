using System.Globalization;

namespace Ashbridge.Core.Exports;

/// <summary>A cell as text, the same in CSV and XLSX: invariant numbers, lowercase booleans, lists joined with <c>"; "</c>.</summary>
internal static class ExportCells
{
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string[] list => string.Join("; ", list),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
    };
}
