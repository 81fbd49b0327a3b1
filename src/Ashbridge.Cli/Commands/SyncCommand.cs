using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Cli.Output;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge sync</c>: one pass of one or every connection, with live progress per stream.</summary>
internal static class SyncCommand
{
    public const int Failed = ExitCodes.SyncFailed;
    public const int AlreadyRunning = ExitCodes.AlreadyRunning;
    public const int UnknownConnection = ExitCodes.NotFound;

    public static Command Create(IAnsiConsole console, Option<string?> database)
    {
        var connection = new Option<string?>("--connection") { Description = "The connection to sync (default: every connection)." };
        var full = new Option<bool>("--full") { Description = "A full pass of every stream, ending with the deletion sweep (the daily repair)." };
        var streams = new Option<string[]>("--stream") { Description = "Only these streams (repeatable).", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the run as JSON for scripts (no progress display)." };
        var command = new Command("sync", "Sync the mirror from Ashby: incremental by sync token where possible, healing itself on token or cursor errors.")
        {
            connection, full, streams, json,
        };
        command.SetAction((result, ct) => RunAsync(
            console, result.GetValue(database), result.GetValue(connection), result.GetValue(full), result.GetValue(streams), result.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string? database, string? name, bool full, string[]? streams, bool json, CancellationToken ct)
    {
        await using var hub = await HubSession.OpenAsync(console, database, ct);
        if (hub is null) return HubSession.DatabaseUnavailable;

        var store = hub.Get<ConnectionStore>();
        IReadOnlyList<Connection> targets;
        if (name is not null)
        {
            if (await store.FindAsync(name, ct) is not { } one)
            {
                console.MarkupLineInterpolated($"[red]There is no connection named '{name}'.[/] See 'ashbridge connection list', or add it with 'ashbridge connection add'.");
                return UnknownConnection;
            }

            targets = [one];
        }
        else
        {
            targets = await store.ListAsync(ct);
            if (targets.Count == 0)
            {
                console.MarkupLine("[yellow]No connections yet.[/] Add one with 'ashbridge connection add --name NAME --api-key KEY'.");
                return UnknownConnection;
            }
        }

        var request = new SyncRequest(full ? SyncMode.Full : SyncMode.Incremental, "cli", streams is { Length: > 0 } ? streams : null);
        var sync = hub.Get<ConnectionSync>();
        var runs = new List<SyncRunResult>();
        var exit = 0;
        foreach (var target in targets)
        {
            try
            {
                var run = json
                    ? await sync.RunAsync(target.Id, request, null, ct)
                    : await SyncOutput.WithProgressAsync(console, target.Name, progress => sync.RunAsync(target.Id, request, progress, ct));
                runs.Add(run);
                if (!json) SyncOutput.WriteRun(console, target.Name, run);
                if (run.Outcome != SyncOutcome.Succeeded) exit = Failed;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await ReportCancelledAsync(console, hub, target, json);
                return ExitCodes.Cancelled;
            }
            catch (SyncAlreadyRunningException ex)
            {
                console.MarkupLineInterpolated($"[yellow]{ex.Message}[/]");
                exit = AlreadyRunning;
            }
            catch (ArgumentException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return ExitCodes.Usage;
            }
            catch (ConnectionSecretUnreadableException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                exit = Failed;
            }
        }

        if (json) SyncOutput.WriteJson(console, new { runs });
        return exit;
    }

    /// <summary>
    /// Says that the run stopped and where the next one starts: each page commits with its stream's cursor, so a
    /// cancelled run loses nothing it stored. In JSON mode the words go to stderr, leaving stdout to the JSON.
    /// </summary>
    private static async Task ReportCancelledAsync(IAnsiConsole console, HubSession hub, Connection target, bool json)
    {
        var states = await hub.Get<SyncHistory>().StreamStatesAsync(target.Id, CancellationToken.None);
        var midway = states.Where(s => s.PassInProgress is not null).Select(s => s.Stream).ToList();
        var resume = midway.Count > 0
            ? $"{string.Join(", ", midway)} resume{(midway.Count == 1 ? "s" : "")} from the last committed page, the other streams from their stored state"
            : "each stream resumes from its stored state";
        var message = $"Sync of '{target.Name}' cancelled. Every page committed so far is kept: the next 'ashbridge sync' continues where this one stopped ({resume}).";
        if (json) await Console.Error.WriteLineAsync(message);
        else console.MarkupLineInterpolated($"[yellow]{message}[/]");
    }
}
