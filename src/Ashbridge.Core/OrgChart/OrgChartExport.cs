using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Ashbridge.Core.OrgChart;

/// <summary>The chart as CSV (a row per node, with its parent's id and its manager's e-mail) or as JSON (as the API answers it).</summary>
public static class OrgChartExport
{
    /// <summary>The JSON shape of the chart: camelCase, as the API answers.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Writes CSV (RFC 4180, via CsvHelper; cells a spreadsheet would run as formulas are escaped).</summary>
    public static async Task WriteCsvAsync(OrgChartView chart, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var emails = chart.Nodes.Where(n => n.Email is not null).ToDictionary(n => n.Id, n => n.Email!, StringComparer.Ordinal);
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
        string[] header = ["id", "kind", "name", "title", "department", "email", "parent_id", "manager_email", "flags", "connection", "posting_id", "placement", "location", "open_openings", "filled_role"];
        await csv.WriteRecordAsync(header, cancellationToken).ConfigureAwait(false);
        foreach (var n in chart.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] fields =
            [
                n.Id, n.Kind, n.Name, n.Title ?? "", n.Department ?? "", n.Email ?? "", n.ParentId ?? "",
                n.ParentId is { } parent ? emails.GetValueOrDefault(parent) ?? "" : "", string.Join(' ', n.Flags), n.Connection ?? "", n.PostingId ?? "",
                n.Placement ?? "", n.Location ?? "", n.OpenOpenings?.ToString(CultureInfo.InvariantCulture) ?? "", n.FilledRole ?? "",
            ];
            await csv.WriteRecordAsync(fields, cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the chart as JSON.</summary>
    public static Task WriteJsonAsync(OrgChartView chart, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, chart, JsonOptions, cancellationToken);
}
