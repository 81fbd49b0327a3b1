using System.CommandLine;
using Ashbridge.Ashby;
using Ashbridge.Cli.Hosting;
using Ashbridge.Cli.Output;
using Ashbridge.Core.Connections;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge connection add|list|check|set-key|schedule|remove</c>: the Ashby accounts the hub mirrors.</summary>
internal static class ConnectionCommand
{
    public const int Exists = ExitCodes.Exists;

    public static Command Create(IAnsiConsole console, Option<string?> database)
    {
        return new Command("connection", "Add, check, change and remove connections to Ashby.")
        {
            Add(console, database),
            List(console, database),
            Check(console, database),
            SetKey(console, database),
            Schedule(console, database),
            Remove(console, database),
        };
    }

    private static Option<string> NameOption(string description = "The connection's name.") => new("--name") { Description = description, Required = true };

    private static Option<string?> ApiKeyOption() => new("--api-key")
    {
        Description = "The Ashby API key (default: the ASHBY_API_KEY environment variable, which keeps it out of the process list). Stored encrypted, never printed.",
    };

    private static Command Add(IAnsiConsole console, Option<string?> database)
    {
        var name = NameOption("A short name: lower-case letters, digits and dashes (e.g. acme).");
        var apiKey = ApiKeyOption();
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "The Ashby API's base URL (an emulator's, for instance).",
            DefaultValueFactory = _ => AshbyClientDefaults.BaseUrl.ToString(),
        };
        var command = new Command("add", "Add a connection: checks the key first and prints what it can read (the pre-flight).") { name, apiKey, baseUrl };
        command.SetAction(async (result, ct) =>
        {
            if (ReadKey(console, result.GetValue(apiKey)) is not { } key) return CheckCommand.KeyRejected;
            if (!Uri.TryCreate(result.GetValue(baseUrl), UriKind.Absolute, out var url))
            {
                console.MarkupLineInterpolated($"[red]--base-url '{result.GetValue(baseUrl)}' is not a URL.[/]");
                return ExitCodes.Usage;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            // The key is checked before it is stored: a wrong key never lands in the database.
            var added = await hub.Get<ConnectionAdministration>().AddAsync(result.GetValue(name)!, url, key, ct);
            if (!added.Succeeded) return Refused(console, added.Refusal);
            PreflightOutput.WriteTables(console, added.Preflight);
            console.MarkupLineInterpolated($"[green]Added connection '{added.Connection.Name}'[/] ({added.Connection.BaseUrl}). Run 'ashbridge sync --connection {added.Connection.Name}' for its first full pass.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(IAnsiConsole console, Option<string?> database)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("list", "List the connections (never their keys).") { json };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var connections = await hub.Get<ConnectionStore>().ListAsync(ct);
            if (result.GetValue(json))
            {
                SyncOutput.WriteJson(console, new { connections });
                return 0;
            }

            var table = new Table().AddColumns("Name", "Ashby URL", "Incremental passes", "Added");
            foreach (var c in connections)
            {
                var schedule = c.SyncCron is { } cron ? $"cron {cron}" : $"every {c.SyncIntervalMinutes ?? 5} min";
                table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.BaseUrl.ToString()), Markup.Escape(schedule), c.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Check(IAnsiConsole console, Option<string?> database)
    {
        var name = NameOption();
        var command = new Command("check", "Run the pre-flight again with the stored key and keep the result.") { name };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            return await GuardedAsync(console, async () =>
            {
                var connection = await hub.Get<ConnectionStore>().GetAsync(result.GetValue(name)!, ct);
                var checkedAgain = await hub.Get<ConnectionAdministration>().CheckAsync(connection, ct);
                if (!checkedAgain.Succeeded) return Refused(console, checkedAgain.Refusal);
                PreflightOutput.WriteTables(console, checkedAgain.Preflight);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command SetKey(IAnsiConsole console, Option<string?> database)
    {
        var name = NameOption();
        var apiKey = ApiKeyOption();
        var command = new Command("set-key", "Replace a connection's API key (checked first, like add).") { name, apiKey };
        command.SetAction(async (result, ct) =>
        {
            if (ReadKey(console, result.GetValue(apiKey)) is not { } key) return CheckCommand.KeyRejected;
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            return await GuardedAsync(console, async () =>
            {
                var connection = await hub.Get<ConnectionStore>().GetAsync(result.GetValue(name)!, ct);
                var replaced = await hub.Get<ConnectionAdministration>().ReplaceKeyAsync(connection, key, ct);
                if (!replaced.Succeeded) return Refused(console, replaced.Refusal);
                PreflightOutput.WriteTables(console, replaced.Preflight);
                console.MarkupLineInterpolated($"[green]Key of '{connection.Name}' replaced.[/]");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Schedule(IAnsiConsole console, Option<string?> database)
    {
        var name = NameOption();
        var every = new Option<int?>("--every") { Description = "Minutes between incremental passes (default 5)." };
        var cron = new Option<string?>("--cron") { Description = "A Quartz cron expression instead, e.g. '0 */15 8-18 ? * MON-FRI'." };
        var command = new Command("schedule", "Set when the hub runs incremental passes of a connection (a full repair pass runs daily at 03:00 regardless).") { name, every, cron };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            return await GuardedAsync(console, async () =>
            {
                var changed = await hub.Get<ConnectionStore>().SetScheduleAsync(result.GetValue(name)!, result.GetValue(every), result.GetValue(cron), ct);
                var schedule = changed.SyncCron is { } c ? $"on cron '{c}'" : $"every {changed.SyncIntervalMinutes ?? 5} minutes";
                console.MarkupLineInterpolated($"[green]'{changed.Name}' now syncs {schedule}[/] (a running hub picks this up when it restarts or the connection is saved in the UI).");
                return 0;
            });
        });
        return command;
    }

    private static Command Remove(IAnsiConsole console, Option<string?> database)
    {
        var name = NameOption();
        var command = new Command("remove", "Remove a connection with its mirror and sync history, and the webhooks Ashbridge registered for it in Ashby.") { name };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            return await GuardedAsync(console, async () =>
            {
                var connection = await hub.Get<ConnectionStore>().GetAsync(result.GetValue(name)!, ct);
                await hub.Get<ConnectionAdministration>().RemoveAsync(connection, ct);
                console.MarkupLineInterpolated($"[green]Removed '{result.GetValue(name)}'[/] and its mirror.");
                return 0;
            });
        });
        return command;
    }

    /// <summary>Runs a verb, turning the store's refusals into their message and exit code.</summary>
    private static async Task<int> GuardedAsync(IAnsiConsole console, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (Exception ex) when (ex is ConnectionNotFoundException or ConnectionSecretUnreadableException or ConnectionExistsException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ex switch
            {
                ArgumentException => ExitCodes.Usage,
                ConnectionExistsException => Exists,
                _ => SyncCommand.UnknownConnection,
            };
        }
    }

    private static string? ReadKey(IAnsiConsole console, string? value)
    {
        var key = value ?? Environment.GetEnvironmentVariable("ASHBY_API_KEY");
        if (!string.IsNullOrWhiteSpace(key)) return key.Trim();
        console.MarkupLine("[red]No API key.[/] Pass --api-key or set ASHBY_API_KEY (Ashby Admin › Integrations › API Keys).");
        return null;
    }

    /// <summary>Prints a refusal of the connection operations and returns its exit code; nothing was stored.</summary>
    private static int Refused(IAnsiConsole console, ConnectionRefusal refusal)
    {
        // "the key" rather than "the API key": the CLI's option is --api-key, and scripts grep for the phrase.
        var lead = refusal.Kind == ConnectionRefusalKind.KeyRefused ? "Ashby refused the key:" : refusal.Title + ".";
        console.MarkupLineInterpolated($"[red]{lead}[/] {refusal.Detail}");
        if (refusal.Kind == ConnectionRefusalKind.NameTaken) console.MarkupLine("Change its key with 'ashbridge connection set-key'.");
        return ExitCodes.For(refusal.Kind);
    }
}
