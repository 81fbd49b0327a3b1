using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Connections;
using Ashbridge.Core.NewHires;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge new-hires list|add-complete|restore</c>: a connection's new-hire queue, as the hub's New hires page shows it.</summary>
internal static class NewHiresCommand
{
    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("new-hires", "List a connection's new hires, add the complete ones as members, or restore a deleted one.")
        {
            List(console, database), AddComplete(console, database), Restore(console, database),
        };

    private static Option<string?> ConnectionOption() =>
        new("--connection") { Description = "The connection's name; may be left out when the hub has one connection." };

    private static Command List(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var state = new Option<string>("--state") { Description = "pending (the default), added or deleted.", DefaultValueFactory = _ => "pending" };
        var search = new Option<string?>("--search") { Description = "Only hires whose name, email, job title or department contains this." };
        var command = new Command("list", "List new hires, newest first, with what each is missing.") { connection, state, search };
        command.SetAction(async (result, ct) =>
        {
            var wanted = Enum.GetValues<NewHireState>().Cast<NewHireState?>()
                .FirstOrDefault(s => string.Equals(s.ToString(), result.GetValue(state)?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (wanted is null)
            {
                console.MarkupLineInterpolated($"[red]Unknown state '{result.GetValue(state)}'[/]: use pending, added or deleted.");
                return ExitCodes.Usage;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var page = await hub.Get<NewHireReview>().SearchAsync(c.Id, new NewHireQuery(wanted.Value, result.GetValue(search), PageSize: NewHireQuery.MaxPageSize), ct);
            if (page.Total == 0)
            {
                console.MarkupLineInterpolated($"[yellow]No {wanted.Value.ToString().ToLowerInvariant()} new hires[/] in {c.Name}.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("application", "name", "job title", "start date", "status", "missing", "flags");
            foreach (var item in page.Items)
            {
                var h = item.NewHire;
                table.AddRow(Cells(h.ApplicationId, h.DisplayName, h.Values.GetValueOrDefault(NewHireFields.JobTitle) ?? "", h.Values.GetValueOrDefault(NewHireFields.StartDate) ?? "",
                    StatusText(h.Status), string.Join(", ", h.Missing.Select(NewHireViews.Label)),
                    string.Join(", ", item.Flags.Select(f => f == NewHireWarning.PossibleDuplicate ? "possible duplicate" : "start date in the past"))));
            }

            console.Write(table);
            if (page.Total > page.Items.Count) console.MarkupLineInterpolated($"Showing {page.Items.Count} of {page.Total}; narrow it with --search.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command AddComplete(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var command = new Command("add-complete", "Add every complete pending new hire as a member; the others stay in the queue.") { connection };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var added = await hub.Get<NewHireReview>().AddCompleteAsync(c.Id, "cli", ct);
            console.WriteLine(added.Summary());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Restore(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var application = new Argument<string>("application") { Description = "The Ashby application id of the deleted new hire." };
        var command = new Command("restore", "Bring a deleted new hire back to the queue as pending.") { connection, application };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            try
            {
                var hire = await hub.Get<NewHireReview>().RestoreAsync(c.Id, result.GetValue(application)!, "cli", ct);
                console.MarkupLineInterpolated($"Restored {hire.DisplayName}: the new hire is pending again.");
                return ExitCodes.Ok;
            }
            catch (NewHireNotFoundException ex)
            {
                console.MarkupLineInterpolated($"[red]Not restored:[/] {ex.Message}");
                return ExitCodes.NotFound;
            }
        });
        return command;
    }

    private static string StatusText(NewHireStatus status) => status switch
    {
        NewHireStatus.Complete => "complete",
        NewHireStatus.MissingFields => "missing fields",
        NewHireStatus.ChangedSinceReview => "changed since review",
        NewHireStatus.Added => "added",
        _ => "deleted",
    };

    private static Markup[] Cells(params string[] values) => [.. values.Select(v => new Markup(Markup.Escape(v)))];
}
