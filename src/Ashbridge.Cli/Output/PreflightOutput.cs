using Ashbridge.Core.Connections;
using Spectre.Console;

namespace Ashbridge.Cli.Output;

/// <summary>Prints a connection's pre-flight: features, streams and the two key flags.</summary>
internal static class PreflightOutput
{
    public static void WriteTables(IAnsiConsole console, PreflightReport report)
    {
        KeyCheckOutput.WriteTables(console, report.Key);

        var streams = new Table().AddColumns("Stream", "Endpoint", "Needs (Ashby module)", "Status");
        foreach (var s in report.Streams)
        {
            var status = s.State switch
            {
                PermissionState.Granted => "[green]OK[/]",
                PermissionState.Missing => "[red]missing: skipped by the sync[/]",
                _ => "[yellow]unknown[/]",
            };
            streams.AddRow(s.Stream, s.Endpoint, Markup.Escape($"{s.Module} read ({s.Permission})"), status);
        }

        console.Write(streams);
        console.MarkupLineInterpolated($"Confidential jobs: {Visibility(report.ConfidentialJobs)}");
        console.MarkupLineInterpolated($"Private fields:    {Visibility(report.PrivateFields)}");
    }

    private static string Visibility(Visibility visibility) => visibility.State switch
    {
        VisibilityState.Visible => $"visible. {visibility.Detail}",
        VisibilityState.NoneVisible => $"none visible. {visibility.Detail}",
        _ => $"unknown. {visibility.Detail}",
    };
}
