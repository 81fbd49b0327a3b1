using System.Text.Json.Serialization;

namespace Ashbridge.Core.Exports;

/// <summary>What a column holds, which decides how each format writes it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportValueKind>))]
public enum ExportValueKind
{
    /// <summary>Text (also value selects, ranges and money as <c>"15000.00 EUR"</c>).</summary>
    Text,

    /// <summary>A number: a JSON number, a numeric XLSX cell.</summary>
    Number,

    /// <summary>An ISO date, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Several values: a JSON array, joined with <c>"; "</c> in CSV and XLSX.</summary>
    List,
}
