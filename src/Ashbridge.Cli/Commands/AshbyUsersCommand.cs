using System.CommandLine;
using System.Globalization;
using Ashbridge.Cli.Hosting;
using Ashbridge.Cli.Output;
using Ashbridge.Core.AshbyUsers;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary>
/// <c>ashbridge users</c>: a connection's Ashby users from the mirror (list, find, changes, the access review) and their
/// hiring teams (add, remove). Not to be confused with <c>ashbridge user</c>, the hub's own sign-ins.
/// </summary>
internal static class AshbyUsersCommand
{
    private const string Actor = "cli";

    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("users", "A connection's Ashby users: who has access, at what level, on which hiring teams.")
        {
            List(console, database), Find(console, database), Changes(console, database), Review(console, database),
            TeamChange(console, database, add: true), TeamChange(console, database, add: false),
        };

    private static Option<string?> ConnectionOption() => new("--connection") { Description = "The connection's name; may be left out when the hub has one connection." };

    private static Option<bool> JsonOption(string shape) => new("--json") { Description = $"Print JSON for scripts: {shape}." };

    private static Command List(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var search = new Option<string?>("--search", "-q") { Description = "Only users whose email or name contains this." };
        var enabled = new Option<bool>("--enabled") { Description = "Leave deactivated users out." };
        var json = JsonOption("[ { id, email, firstName, lastName, globalRole, isEnabled, hiringTeams } ]");
        var command = new Command("list", "Every Ashby user of the connection (deactivated ones too), by name.") { connection, search, enabled, json };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var users = await hub.Get<AshbyUserDirectory>().SearchAsync(c.Id, result.GetValue(search), result.GetValue(enabled), limit: int.MaxValue, cancellationToken: ct);
            if (result.GetValue(json))
            {
                SyncOutput.WriteJson(console, users);
                return ExitCodes.Ok;
            }

            Write(console, users);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Find(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var email = new Argument<string>("email") { Description = "The user's email (case ignored)." };
        var json = JsonOption("{ id, email, firstName, lastName, globalRole, isEnabled, hiringTeams }");
        var command = new Command("find", "One Ashby user by email, with the hiring teams they sit on.") { email, connection, json };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var user = await hub.Get<AshbyUserDirectory>().FindByEmailAsync(c.Id, result.GetValue(email)!, ct);
            if (user is null)
            {
                console.MarkupLineInterpolated($"[red]No Ashby user of {c.Name} has the email {result.GetValue(email)}.[/]");
                return ExitCodes.NotFound;
            }

            if (result.GetValue(json))
            {
                SyncOutput.WriteJson(console, user);
                return ExitCodes.Ok;
            }

            Write(console, [user]);
            if (user.HiringTeams.Count == 0) console.MarkupLine("On no hiring team.");
            var teams = new Table().AddColumns("level", "job", "application", "role");
            foreach (var s in user.HiringTeams) teams.AddRow(new Text(s.Level), new Text(s.JobTitle ?? s.JobId), new Text(s.CandidateName ?? s.ApplicationId ?? ""), new Text(s.Role));
            if (user.HiringTeams.Count > 0) console.Write(teams);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Changes(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var since = new Option<string>("--since") { Description = "From this date or time (ISO 8601, UTC unless it says otherwise).", Required = true };
        var json = JsonOption("[ { userId, email, name, kind, before, after, changedAt } ]");
        var command = new Command("changes", "What changed about the connection's Ashby users since a date: new users, role changes, deactivations.") { connection, since, json };
        command.SetAction(async (result, ct) =>
        {
            if (!DateTimeOffset.TryParse(result.GetValue(since), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
            {
                console.MarkupLineInterpolated($"[red]--since must be a date or time such as 2026-11-01 (got “{result.GetValue(since)}”).[/]");
                return ExitCodes.Usage;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var changes = await hub.Get<AshbyUserDirectory>().ChangesSinceAsync(c.Id, from, ct);
            if (result.GetValue(json))
            {
                SyncOutput.WriteJson(console, changes);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("when", "change", "user", "before", "after");
            foreach (var ch in changes)
            {
                table.AddRow(new Text(ch.ChangedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), new Text(ch.Kind.Replace('_', ' ')), new Text($"{ch.Name} <{ch.Email}>"), new Text(ch.Before ?? ""), new Text(ch.After ?? ""));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"{changes.Count} change(s) since {from:yyyy-MM-dd HH:mm}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Review(IAnsiConsole console, Option<string?> database)
    {
        var connection = ConnectionOption();
        var json = JsonOption("{ users, enabledUsers, findings: [ { kind, user, reason } ] }");
        var command = new Command("review", "The access review: who still has access and should not, who is offboarded, who is admin, who is idle.") { connection, json };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var report = await hub.Get<AccessReview>().ReviewAsync(c.Id, ct);
            if (result.GetValue(json))
            {
                SyncOutput.WriteJson(console, report);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("finding", "user", "role", "why");
            foreach (var f in report.Findings)
            {
                table.AddRow(new Text(UserDirectoryExport.Name(f.Kind)), new Text($"{f.User.Name} <{f.User.Email}>"), new Text(f.User.GlobalRole ?? ""), new Text(f.Reason));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"{report.Findings.Count} finding(s) over {report.EnabledUsers} enabled of {report.Users} users.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command TeamChange(IAnsiConsole console, Option<string?> database, bool add)
    {
        var connection = ConnectionOption();
        var email = new Option<string>("--email") { Description = "The Ashby user's email.", Required = true };
        var job = new Option<string?>("--job") { Description = "The job's id (give this or --application)." };
        var application = new Option<string?>("--application") { Description = "The application's id (give this or --job)." };
        var role = new Option<string>("--role") { Description = "The hiring team role's id or title (a wrong one lists the roles).", Required = true };
        var command = add
            ? new Command("add-to-team", "Add an Ashby user to a job's or an application's hiring team (checked first; audited).") { email, job, application, role, connection }
            : new Command("remove-from-team", "Remove an Ashby user's role from a job's or an application's hiring team (audited).") { email, job, application, role, connection };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var writes = hub.Get<HiringTeamWrites>();
            // A title is easier to type than an id: it is looked up among the roles, the id kept as given otherwise.
            var roles = (await writes.ChoicesAsync(c.Id, ct)).Roles;
            var given = result.GetValue(role)!;
            var roleId = roles.FirstOrDefault(r => string.Equals(r.Title, given, StringComparison.OrdinalIgnoreCase))?.Id ?? given;
            var target = new HiringTeamTarget(result.GetValue(job), result.GetValue(application), result.GetValue(email), roleId);
            var outcome = add ? await writes.AddAsync(c.Id, target, Actor, ct) : await writes.RemoveAsync(c.Id, target, Actor, ct);
            if (!outcome.Succeeded)
            {
                console.MarkupLineInterpolated($"[red]{outcome.Refusal.Message}[/]");
                if (outcome.Refusal.Kind == HiringTeamRefusalKind.RoleNotFound) console.MarkupLineInterpolated($"Roles: {string.Join(", ", roles.Select(r => r.Title))}");
                return outcome.Refusal.Kind switch
                {
                    HiringTeamRefusalKind.Invalid => ExitCodes.Usage,
                    HiringTeamRefusalKind.MissingPermission => ExitCodes.KeyRejected,
                    HiringTeamRefusalKind.AshbyRefused => ExitCodes.SyncFailed,
                    _ => ExitCodes.NotFound,
                };
            }

            var where = result.GetValue(job) is { } j ? $"job {j}" : $"application {result.GetValue(application)}";
            console.MarkupLineInterpolated($"[green]{(add ? "Added" : "Removed")}[/] {outcome.User.Name} <{outcome.User.Email}> as {outcome.Role} {(add ? "to" : "from")} {where}{(outcome.MirrorRefreshed ? "" : " (the mirror shows it after the next pass)")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, IReadOnlyList<DirectoryUser> users)
    {
        var table = new Table().AddColumns("name", "email", "global role", "enabled", "hiring teams");
        foreach (var u in users)
        {
            table.AddRow(new Text(u.Name), new Text(u.Email ?? ""), new Text(u.GlobalRole ?? ""), new Text(u.IsEnabled ? "yes" : "no"), new Text(u.HiringTeams.Count.ToString(CultureInfo.InvariantCulture)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{users.Count} user(s).");
    }
}
