using System.CommandLine;
using System.Text;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.OrgChart;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge org-chart import|export</c>: load people from CSV (all or nothing, with a dry run) and export the chart as JSON or CSV.</summary>
internal static class OrgChartCommand
{
    /// <summary>Exit code when the CSV had bad rows (nothing was imported).</summary>
    public const int BadRows = ExitCodes.Usage;

    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("org-chart", "Import people into the org chart from CSV, or export the chart.") { Import(console, database), Export(console, database) };

    private static Command Import(IAnsiConsole console, Option<string?> database)
    {
        var file = new Argument<FileInfo>("file") { Description = "A UTF-8 CSV with the columns name, email, title, department, manager_email." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report a line per row; write nothing." };
        var command = new Command("import", "Import people from CSV: all or nothing (any bad row imports nothing), matched by e-mail so a later import updates them.") { file, dryRun };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                console.MarkupLineInterpolated($"[red]There is no file {path.FullName}.[/]");
                return ExitCodes.NotFound;
            }

            string text;
            try
            {
                text = await File.ReadAllTextAsync(path.FullName, new UTF8Encoding(false, throwOnInvalidBytes: true), ct);
            }
            catch (DecoderFallbackException)
            {
                console.MarkupLineInterpolated($"[red]{path.Name} is not UTF-8 text.[/] Save it as CSV UTF-8 and try again.");
                return BadRows;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var report = await hub.Get<PeopleCsvImport>().ImportAsync(new StringReader(text), result.GetValue(dryRun), "cli", ct);
            var table = new Table().AddColumns("row", "email", "outcome", "reason");
            foreach (var row in report.Rows)
            {
                table.AddRow(
                    new Markup(row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Markup(Markup.Escape(row.Email ?? "")),
                    new Markup(row.Outcome == PeopleImportRow.Error ? "[red]error[/]" : row.Outcome), new Markup(Markup.Escape(row.Reason ?? "")));
            }

            console.Write(table);
            console.MarkupLine(report.HasErrors ? $"[red]{Markup.Escape(report.Summary)}[/]" : Markup.Escape(report.Summary));
            return report.HasErrors ? BadRows : 0;
        });
        return command;
    }

    private static Command Export(IAnsiConsole console, Option<string?> database)
    {
        var format = new Option<string>("--format") { Description = "json (the default) or csv.", DefaultValueFactory = _ => "json" };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of the console." };
        var department = new Option<string?>("--department") { Description = "Only this department (with the managers above it)." };
        var command = new Command("export", "Export the org chart (people and open roles, each with its parent), as GET /api/org-chart does.") { format, output, department };
        command.SetAction(async (result, ct) =>
        {
            var kind = result.GetValue(format)!.Trim().ToLowerInvariant();
            if (kind is not ("csv" or "json"))
            {
                console.MarkupLineInterpolated($"[red]Unknown format '{kind}'[/]: use json or csv.");
                return ExitCodes.Usage;
            }

            var target = result.GetValue(output);
            if (target?.Directory is { Exists: false } folder)
            {
                console.MarkupLineInterpolated($"[red]Cannot write {target.FullName}:[/] the folder {folder.FullName} does not exist.");
                return ExitCodes.CannotWrite;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var chart = await hub.Get<OrgChartBuilder>().BuildAsync(result.GetValue(department), null, ct);
            Stream stream;
            try
            {
                stream = target is null ? new MemoryStream() : target.Create();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]Cannot write {target!.FullName}:[/] {ex.Message}");
                return ExitCodes.CannotWrite;
            }

            await using (stream)
            {
                if (kind == "csv")
                {
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                    await OrgChartExport.WriteCsvAsync(chart, writer, ct);
                }
                else
                {
                    await OrgChartExport.WriteJsonAsync(chart, stream, ct);
                }

                // To the console raw, not as markup: names may hold brackets.
                if (stream is MemoryStream buffer) console.Profile.Out.Writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            if (target is not null) console.MarkupLineInterpolated($"Exported {chart.People} people and {chart.Roles} open roles to {target.FullName}.");
            return 0;
        });
        return command;
    }
}
