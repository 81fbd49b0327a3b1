using Ashbridge.Core.Connections;
using Spectre.Console;

namespace Ashbridge.Cli.Hosting;

/// <summary>The connection a feature command works on: the one named by --connection, or the only one there is.</summary>
internal static class ConnectionChoice
{
    /// <summary>The connection, or <see langword="null"/> after saying why none could be chosen and what to give.</summary>
    public static async Task<Connection?> FindAsync(IAnsiConsole console, HubSession hub, string? name, CancellationToken ct)
    {
        var connections = hub.Get<ConnectionStore>();
        if (name is not null)
        {
            if (await connections.FindAsync(name, ct) is { } found) return found;
            console.MarkupLineInterpolated($"[red]No connection named '{name}'.[/] See them with: ashbridge connection list");
            return null;
        }

        var all = await connections.ListAsync(ct);
        if (all.Count == 1) return all[0];
        console.MarkupLineInterpolated($"[red]{(all.Count == 0 ? "No connection yet" : "Which connection?")}[/] Give --connection with one of: {string.Join(", ", all.Select(a => a.Name))}.");
        return null;
    }
}
