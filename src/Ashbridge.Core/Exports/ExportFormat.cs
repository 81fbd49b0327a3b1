using System.Text.Json.Serialization;

namespace Ashbridge.Core.Exports;

/// <summary>The formats an export is written in, all streamed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportFormat>))]
public enum ExportFormat
{
    Csv,
    Xlsx,
    Jsonl,
}
