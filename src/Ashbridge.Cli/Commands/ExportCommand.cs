using System.Text;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Exports;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge export list|define|run</c>: hired-applicant exports on the hub's database, run as the hub's rows route runs them (audited, actor <c>cli</c>).</summary>
internal static class ExportCommand
{
    public static System.CommandLine.Command Create(IAnsiConsole console, System.CommandLine.Option<string?> database) =>
        new("export", "List, define or run hired-applicant exports (CSV, XLSX or JSON Lines).") { List(console, database), Define(console, database), Run(console, database) };

    private static System.CommandLine.Command List(IAnsiConsole console, System.CommandLine.Option<string?> database)
    {
        var command = new System.CommandLine.Command("list", "List the exports with their connection, custom fields and rows URL.");
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var exports = await hub.Get<ExportDefinitions>().ListAsync(null, ct);
            if (exports.Count == 0)
            {
                console.MarkupLine("[yellow]No exports.[/] Define one with export define NAME --connection C.");
                return 0;
            }

            var table = new Table().AddColumns("id", "name", "connection", "custom fields", "rows URL");
            foreach (var e in exports)
            {
                table.AddRow(Cells(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Name, e.Connection, string.Join(", ", e.CustomFields.Select(f => f.Title)), $"/api/exports/{e.Id}/rows"));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    private static System.CommandLine.Command Define(IAnsiConsole console, System.CommandLine.Option<string?> database)
    {
        var name = new System.CommandLine.Argument<string>("name") { Description = "The export's name." };
        var connection = new System.CommandLine.Option<string>("--connection") { Description = "The connection whose hires it reads.", Required = true };
        var fields = new System.CommandLine.Option<string[]>("--field") { Description = "A custom field id to include (repeat for more).", AllowMultipleArgumentsPerToken = false };
        var openings = new System.CommandLine.Option<bool>("--with-open-openings") { Description = "Add the open openings as still-to-hire rows." };
        var command = new System.CommandLine.Command("define", "Define an export: the default fields and the chosen custom fields of a connection's hires.") { name, connection, fields, openings };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            try
            {
                var export = await hub.Get<ExportDefinitions>().CreateAsync(
                    new NewExport(result.GetValue(name)!, result.GetValue(connection)!, result.GetValue(fields) ?? [], new ExportFilters(IncludeOpenOpenings: result.GetValue(openings))), "cli", ct);
                console.MarkupLineInterpolated($"Defined export {export.Id} '{export.Name}'; its rows are at /api/exports/{export.Id}/rows.");
                return 0;
            }
            catch (ExportInvalidException ex)
            {
                console.MarkupLineInterpolated($"[red]Refused:[/] {ex.Message}");
                return ex.NameTaken ? ExitCodes.Exists : ExitCodes.Usage;
            }
        });
        return command;
    }

    private static System.CommandLine.Command Run(IAnsiConsole console, System.CommandLine.Option<string?> database)
    {
        var name = new System.CommandLine.Argument<string>("name") { Description = "The export's name." };
        var format = new System.CommandLine.Option<string>("--format") { Description = "csv (the default), xlsx or jsonl.", DefaultValueFactory = _ => "csv" };
        var output = new System.CommandLine.Option<FileInfo?>("--output") { Description = "Write to this file instead of the console (needed for xlsx)." };
        var since = new System.CommandLine.Option<string?>("--since") { Description = "Only rows changed since this time (ISO 8601)." };
        var withoutCompensation = new System.CommandLine.Option<bool>("--without-compensation") { Description = "Leave out the salary and compensation columns, as viewers get them." };
        var command = new System.CommandLine.Command("run", "Run an export; audited as export.pull with its row count.") { name, format, output, since, withoutCompensation };
        command.SetAction(async (result, ct) =>
        {
            ExportFormat? kind = result.GetValue(format)!.Trim().ToLowerInvariant() switch { "csv" => ExportFormat.Csv, "xlsx" => ExportFormat.Xlsx, "jsonl" => ExportFormat.Jsonl, _ => null };
            if (kind is null)
            {
                console.MarkupLineInterpolated($"[red]Unknown format '{result.GetValue(format)}'[/]: use csv, xlsx or jsonl.");
                return ExitCodes.Usage;
            }

            var file = result.GetValue(output);
            if (kind == ExportFormat.Xlsx && file is null)
            {
                console.MarkupLine("[red]An XLSX workbook is not for the console:[/] give --output FILE.");
                return ExitCodes.Usage;
            }

            DateTimeOffset? from = null;
            if (result.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    console.MarkupLineInterpolated($"[red]'{text}' is not a time:[/] use ISO 8601, e.g. 2026-12-01T00:00:00Z.");
                    return ExitCodes.Usage;
                }

                from = parsed;
            }

            if (file?.Directory is { Exists: false } folder)
            {
                console.MarkupLineInterpolated($"[red]Cannot write {file.FullName}:[/] the folder {folder.FullName} does not exist.");
                return ExitCodes.CannotWrite;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await hub.Get<ExportDefinitions>().FindAsync(result.GetValue(name)!, ct) is not { } export)
            {
                console.MarkupLineInterpolated($"[red]There is no export named '{result.GetValue(name)}'.[/] export list shows them.");
                return ExitCodes.NotFound;
            }

            Stream stream;
            try
            {
                stream = file is null ? new MemoryStream() : file.Create();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]Cannot write {file!.FullName}:[/] {ex.Message}");
                return ExitCodes.CannotWrite;
            }

            ExportReport report;
            await using (stream)
            {
                report = await hub.Get<ExportRunner>().RunAsync(export, new ExportRunRequest(kind.Value, from, !result.GetValue(withoutCompensation), "cli"), stream, ct);
                // To the console raw, not as markup: names may hold brackets.
                if (stream is MemoryStream buffer) console.Profile.Out.Writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            if (file is not null) console.MarkupLineInterpolated($"Wrote {report.Rows} rows to {file.FullName}.");
            foreach (var column in report.DeletedColumns) console.MarkupLineInterpolated($"[yellow]The field behind {column} was deleted in Ashby:[/] the column is empty.");
            if (report.ProblemCount > 0) console.MarkupLineInterpolated($"[yellow]{report.ProblemCount} values did not fit their type[/] and were left empty; the run's report lists them (GET /api/exports/{export.Id}/runs).");
            return 0;
        });
        return command;
    }

    private static Markup[] Cells(params string[] values) => [.. values.Select(v => new Markup(Markup.Escape(v)))];
}
