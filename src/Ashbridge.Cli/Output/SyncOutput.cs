using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ashbridge.Core.Sync;
using Spectre.Console;

namespace Ashbridge.Cli.Output;

/// <summary>Sync runs and mirror state for people (tables, live progress) and scripts (JSON).</summary>
internal static class SyncOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Runs <paramref name="run"/> under a live display: one line per stream with its mode, pages and rows.</summary>
    public static Task<SyncRunResult> WithProgressAsync(IAnsiConsole console, string connection, Func<IProgress<StreamProgress>, Task<SyncRunResult>> run) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new ConcurrentDictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new InlineProgress(p =>
                {
                    var task = tasks.GetOrAdd(p.Stream, name => context.AddTask(name, autoStart: true, maxValue: 1));
                    task.IsIndeterminate = !p.IsFinished;
                    task.Description = Markup.Escape(Describe(connection, p));
                    if (p.IsFinished) task.Value = task.MaxValue;
                });
                return await run(progress);
            });

    public static void WriteRun(IAnsiConsole console, string connection, SyncRunResult run)
    {
        var colour = run.Outcome == SyncOutcome.Succeeded ? "green" : "red";
        console.MarkupLineInterpolated($"[bold]{connection}[/]: run {run.RunId} [{colour}]{run.Outcome.ToString().ToLowerInvariant()}[/] in {Seconds(run.Duration)}");
        var table = new Table().AddColumns("Stream", "Mode", "Outcome", "Pages", "New", "Changed", "Unchanged", "Deleted", "Time", "Note");
        foreach (var s in run.Streams)
        {
            // The failure that stopped the run is said once, under the table.
            var note = s.RestartedBecause is { } code ? $"restarted as a full pass: {code}"
                : s.Message is { } m && m == run.Error ? "the run stopped here (see below)"
                : s.Message ?? "";
            table.AddRow(
                s.Stream, Lower(s.Mode), Outcome(s.Outcome), Count(s.Pages), Count(s.New), Count(s.Changed), Count(s.Unchanged), Count(s.Deleted),
                Seconds(s.Duration), Markup.Escape(note));
        }

        console.Write(table);
        if (run.Error is { } error) console.MarkupLineInterpolated($"[red]{error}[/]");
    }

    public static void WriteStates(IAnsiConsole console, string connection, IReadOnlyList<StreamState> states, SyncRunResult? last)
    {
        console.MarkupLineInterpolated($"[bold]{connection}[/]: last run {(last is null ? "never" : $"{last.RunId} {last.Outcome.ToString().ToLowerInvariant()} at {last.StartedAt:u}")}");
        var table = new Table().AddColumns("Stream", "Rows", "Deleted", "Token", "In progress", "Full passes", "Last full", "Last incremental", "Note");
        foreach (var s in states)
        {
            table.AddRow(
                s.Stream, Count(s.Rows), Count(s.DeletedRows), s.HasSyncToken ? "yes" : "no", s.PassInProgress is { } p ? Lower(p) : "", Count(s.FullPassesCompleted),
                Time(s.LastFullPassAt), Time(s.LastIncrementalPassAt), Markup.Escape(s.SkippedReason ?? ""));
        }

        console.Write(table);
    }

    public static void WriteJson(IAnsiConsole console, object value) => console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Json));

    private static string Describe(string connection, StreamProgress p) =>
        $"{connection} {p.Stream,-18} {Lower(p.Mode),-11} {p.Pages,5} pages {p.Rows,9:N0} rows{(p.IsFinished ? $"  {Words(p.Outcome ?? StreamOutcome.Succeeded)}" : "")}";

    private static string Outcome(StreamOutcome outcome) => outcome switch
    {
        StreamOutcome.Succeeded => "[green]succeeded[/]",
        StreamOutcome.Skipped => "[yellow]skipped[/]",
        StreamOutcome.NotRun => "[grey]not run[/]",
        _ => "[red]failed[/]",
    };

    private static string Words(StreamOutcome outcome) => outcome == StreamOutcome.NotRun ? "not run" : Lower(outcome);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan? value) => value is { } v ? $"{v.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s" : "";

    private static string Time(DateTimeOffset? value) => value?.ToString("u", CultureInfo.InvariantCulture) ?? "never";

    private sealed class InlineProgress(Action<StreamProgress> report) : IProgress<StreamProgress>
    {
        public void Report(StreamProgress value) => report(value);
    }
}
