using System.CommandLine;
using System.Globalization;
using System.Text;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Dedupe.Batches;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary>
/// <c>ashbridge upload FILE</c>: a CSV or XLSX file of prospects planned against the mirror (create, merge, skip, needs a
/// person, invalid) and, unless <c>--dry-run</c>, run through the connection's writes with a progress bar. The batch is
/// kept by the file's SHA-256 and the connection: running the same file again resumes it after Ctrl-C or a crash.
/// </summary>
internal static class UploadCommand
{
    /// <summary>The most rows of the plan printed; the report holds them all.</summary>
    private const int PrintedRows = 200;

    public static Command Create(IAnsiConsole console, Option<string?> database)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV (UTF-8) or XLSX file; its first row names the columns." };
        var connection = new Option<string?>("--connection") { Description = "The connection's name; may be left out when the hub has one connection." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only plan: say what each row would do, write nothing to Ashby." };
        var map = new Option<string[]>("--map") { Description = "A column's field, as column=field (the column by header or number; an empty field leaves it out). Repeat for several." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the report (a CSV line per row) to this file." };
        var command = new Command("upload", "Upload a file of prospects to Ashby without duplicates: plan every row against the mirror, then create or merge them.")
        {
            file, connection, dryRun, map, report,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var pair in result.GetValue(map) ?? [])
            {
                var at = pair.LastIndexOf('=');
                if (at <= 0)
                {
                    console.MarkupLineInterpolated($"[red]--map '{pair}' is not column=field[/] (for example --map \"E-mail=email\"; fields: {string.Join(", ", BatchField.All)}).");
                    return ExitCodes.Usage;
                }

                changes[pair[..at]] = pair[(at + 1)..];
            }

            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path.FullName, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]The file {path.FullName} cannot be read:[/] {ex.Message}");
                return ExitCodes.Usage;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var batches = hub.Get<DedupeBatches>();
            DedupeBatch batch;
            try
            {
                batch = await OpenBatchAsync(console, batches, c.Id, path, content, changes, ct);
            }
            catch (DedupeBatchException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return ExitCodes.Usage;
            }

            if (result.GetValue(dryRun))
            {
                await WritePlanAsync(console, batches, batch, ct);
                return await WriteReportAsync(console, batches, batch, result.GetValue(report), ct);
            }

            WritePlanSummary(console, batch);
            var runner = hub.Get<DedupeBatchRunner>();
            var run = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape($"batch {batch.Id}: {batch.FileName}"), maxValue: Math.Max(1, batch.TotalRows));
                    task.Value = batch.DoneRows;
                    return await runner.RunAsync(batch.Id, new Inline(p => task.Value = p.Done), ct);
                });
            batch = (await batches.FindAsync(batch.Id, CancellationToken.None))!;
            WriteOutcomes(console, batch);
            var exit = await WriteReportAsync(console, batches, batch, result.GetValue(report), CancellationToken.None);
            if (run.AlreadyRunning)
            {
                console.MarkupLineInterpolated($"[yellow]Another process is running batch {batch.Id}[/]; it resumes there. Follow it with the hub's page, or run this again once it stops.");
                return ExitCodes.AlreadyRunning;
            }

            if (run.State == DedupeBatchState.Finished) return exit;
            console.MarkupLineInterpolated($"[yellow]{run.Error}[/]");
            console.MarkupLineInterpolated($"Resume with the same file: [bold]ashbridge upload {path.Name}{(result.GetValue(connection) is { } n ? $" --connection {n}" : "")}[/] (batch {batch.Id} resumes where it stopped; nothing is written twice).");
            return run.Stop switch
            {
                DedupeBatchStop.Interrupted => ExitCodes.Cancelled,
                DedupeBatchStop.AshbyUnreachable => ExitCodes.AshbyUnreachable,
                DedupeBatchStop.PermissionMissing => ExitCodes.KeyRejected,
                _ => ExitCodes.Unexpected,
            };
        });
        return command;
    }

    /// <summary>The batch of this file on this connection when it has not finished (resumed), else a new one.</summary>
    private static async Task<DedupeBatch> OpenBatchAsync(
        IAnsiConsole console, DedupeBatches batches, long connectionId, FileInfo path, byte[] content, Dictionary<string, string?> changes, CancellationToken ct)
    {
        if (await batches.FindByFileAsync(connectionId, DedupeBatches.HashOf(content), ct) is { } existing && existing.State != DedupeBatchState.Finished)
        {
            if (changes.Count > 0 && existing.StartedAt is null) existing = await batches.RemapAsync(existing.Id, changes, ct);
            else if (changes.Count > 0) console.MarkupLineInterpolated($"[yellow]Batch {existing.Id} of this file has run already; its mapping is kept (--map ignored).[/]");
            console.MarkupLineInterpolated($"Resuming batch {existing.Id} of {path.Name} ({existing.DoneRows} of {existing.TotalRows} rows done).");
            return existing;
        }

        return await batches.CreateAsync(connectionId, path.Name, content, changes, Environment.UserName is { Length: > 0 } user ? $"cli:{user}" : "cli", ct);
    }

    private static void WritePlanSummary(IAnsiConsole console, DedupeBatch batch)
    {
        var mapping = new Table().AddColumns("column", "field");
        for (var i = 0; i < batch.Headers.Count; i++) mapping.AddRow(new Text(batch.Headers[i]), new Text(batch.Mapping[i] is { } f ? f : "(left out)"));
        console.Write(mapping);
        console.MarkupLineInterpolated(
            $"Plan for {batch.TotalRows} rows: create {Count(batch.Planned, BatchAction.Create)}, merge {Count(batch.Planned, BatchAction.Merge)}, skip {Count(batch.Planned, BatchAction.Skip)}, needs a person {Count(batch.Planned, BatchAction.Person)}, invalid {Count(batch.Planned, BatchAction.Invalid)}.");
    }

    private static async Task WritePlanAsync(IAnsiConsole console, DedupeBatches batches, DedupeBatch batch, CancellationToken ct)
    {
        WritePlanSummary(console, batch);
        var rows = await batches.PageRowsAsync(batch.Id, 0, PrintedRows, cancellationToken: ct);
        var table = new Table().AddColumns("row", "plan", "why");
        foreach (var row in rows)
        {
            var what = row.EffectiveAction switch
            {
                BatchAction.Merge => $"merge into {row.Plan.CandidateName ?? row.MergeInto} ({row.MergeInto})",
                BatchAction.Person => "needs a person",
                var a => a,
            };
            table.AddRow(new Text(row.Number.ToString(CultureInfo.InvariantCulture)), new Text(what), new Text(string.Join("\n", row.Plan.Reasons)));
        }

        console.Write(table);
        if (batch.TotalRows > rows.Count) console.MarkupLineInterpolated($"[grey]… and {batch.TotalRows - rows.Count} more rows: see the report (--report FILE).[/]");
        console.MarkupLineInterpolated($"Dry run: nothing was written. Run it with: [bold]ashbridge upload {batch.FileName}[/] (the same plan, batch {batch.Id}).");
    }

    private static void WriteOutcomes(IAnsiConsole console, DedupeBatch batch)
    {
        var table = new Table().AddColumns("outcome", "rows");
        foreach (var outcome in new[] { BatchOutcome.Created, BatchOutcome.Merged, BatchOutcome.Skipped, BatchOutcome.Held, BatchOutcome.Invalid, BatchOutcome.Failed })
        {
            table.AddRow(outcome, Count(batch.Outcomes, outcome).ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("not run yet", (batch.TotalRows - batch.DoneRows).ToString(CultureInfo.InvariantCulture));
        console.Write(table);
    }

    private static async Task<int> WriteReportAsync(IAnsiConsole console, DedupeBatches batches, DedupeBatch batch, FileInfo? report, CancellationToken ct)
    {
        if (report is null) return ExitCodes.Ok;
        try
        {
            await using var writer = new StreamWriter(report.FullName, false, new UTF8Encoding(false));
            await batches.WriteReportAsync(batch, writer, ct);
            console.MarkupLineInterpolated($"Report written to {report.FullName}.");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]The report cannot be written to {report.FullName}:[/] {ex.Message}");
            return ExitCodes.CannotWrite;
        }
    }

    private static int Count(IReadOnlyDictionary<string, int> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;

    /// <summary>Progress reported on the runner's own thread (Spectre's task is thread-safe), not posted to a context.</summary>
    private sealed class Inline(Action<DedupeBatchProgress> report) : IProgress<DedupeBatchProgress>
    {
        public void Report(DedupeBatchProgress value) => report(value);
    }
}
