using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Cli.Output;
using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge open-roles list|import</c>: a connection's open roles, as the hub's Open roles page shows them.</summary>
internal static class OpenRolesCommand
{
    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("open-roles", "List a connection's open roles (Ashby's published job postings) or import them now.")
        {
            List(console, database), Import(console, database),
        };

    private static Option<string?> ConnectionOption() =>
        new("--connection") { Description = "The connection's name; may be left out when the hub has one connection." };

    private static Command List(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var all = new Option<bool>("--all") { Description = "Closed roles too (unpublished, deleted, or hidden by the policy)." };
        var command = new Command("list", "List open roles by title, with department, location, openings and hiring manager.") { connection, json, all };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var settings = await hub.Get<OpenRolePolicy>().GetAsync(c.Id, ct);
            var roles = (await hub.Get<OpenRoleCatalog>().ListAsync(c.Id, includeClosed: result.GetValue(all), cancellationToken: ct))
                .Where(r => settings.IncludeConfidential || !r.IsConfidential).ToList();
            if (result.GetValue(json))
            {
                SyncOutput.WriteJson(console, new { connection = c.Name, roles });
                return ExitCodes.Ok;
            }

            if (roles.Count == 0)
            {
                console.MarkupLineInterpolated($"[yellow]No open roles[/] in {c.Name}. Import them with: ashbridge open-roles import --connection {c.Name}");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("posting", "title", "department", "location", "openings open", "target start", "hiring manager", "marks");
            foreach (var r in roles)
            {
                var marks = string.Join(", ", new[] { r.IsOpen ? null : $"closed ({r.PostingState.ToLowerInvariant()})", r.IsListed ? null : "unlisted", r.IsConfidential ? "confidential" : null }.OfType<string>());
                table.AddRow(Cells(r.PostingId, r.Title, r.DepartmentName ?? "", r.LocationName ?? "", r.OpenOpenings.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    r.TargetStartDate ?? "", r.HiringManager?.Name ?? r.HiringManager?.Email ?? "", marks));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"{roles.Count} role(s) in {c.Name}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var command = new Command("import", "Import now: a pass of the connection's jobs, postings and openings, then its open roles rebuilt; prints the counts.") { connection };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var import = await console.Status().Spinner(Spinner.Known.Dots)
                .StartAsync($"Importing the open roles of {Markup.Escape(c.Name)}…", _ => hub.Get<OpenRoleImports>().ImportNowAsync(c.Id, OpenRoleImporter.ManualTrigger, ct));
            if (!import.Succeeded)
            {
                console.MarkupLineInterpolated($"[red]The import failed[/] and nothing was changed: {import.Error}");
                return ExitCodes.SyncFailed;
            }

            var open = (await hub.Get<OpenRoleCatalog>().ListAsync(c.Id, cancellationToken: ct)).Count;
            console.MarkupLineInterpolated($"[green]Imported the open roles of {c.Name}:[/] {import.New} new, {import.Changed} changed, {import.Closed} closed; {open} open.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Markup[] Cells(params string[] values) => [.. values.Select(v => new Markup(Markup.Escape(v)))];
}
