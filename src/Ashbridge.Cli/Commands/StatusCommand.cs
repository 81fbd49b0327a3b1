using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Cli.Output;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge status</c>: per connection, the mirror's streams (rows, token, last passes) and the last run.</summary>
internal static class StatusCommand
{
    public static Command Create(IAnsiConsole console, Option<string?> database)
    {
        var connection = new Option<string?>("--connection") { Description = "Only this connection." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("status", "Show each connection's mirror: rows per stream, sync tokens, passes and the last run.") { connection, json };
        command.SetAction((result, ct) => RunAsync(console, result.GetValue(database), result.GetValue(connection), result.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string? database, string? name, bool json, CancellationToken ct)
    {
        await using var hub = await HubSession.OpenAsync(console, database, ct);
        if (hub is null) return HubSession.DatabaseUnavailable;

        var store = hub.Get<ConnectionStore>();
        var history = hub.Get<SyncHistory>();
        var connections = name is null ? await store.ListAsync(ct) : (await store.FindAsync(name, ct) is { } one ? [one] : []);
        if (connections.Count == 0)
        {
            console.MarkupLine(name is null ? "[yellow]No connections yet.[/] Add one with 'ashbridge connection add'." : $"[red]There is no connection named '{Markup.Escape(name)}'.[/]");
            return name is null ? ExitCodes.Ok : ExitCodes.NotFound;
        }

        var report = new List<object>();
        foreach (var c in connections)
        {
            var states = await history.StreamStatesAsync(c.Id, ct);
            var runs = await history.ListRunsAsync(c.Id, 1, ct);
            var last = runs.Count > 0 ? runs[0] : null;
            if (json) report.Add(new { connection = c.Name, baseUrl = c.BaseUrl, lastRun = last, streams = states });
            else SyncOutput.WriteStates(console, c.Name, states, last);
        }

        if (json) SyncOutput.WriteJson(console, new { connections = report });
        return 0;
    }
}
