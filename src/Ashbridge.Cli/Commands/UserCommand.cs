using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Access;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge user add|list</c>: the people who sign in to the hub.</summary>
internal static class UserCommand
{
    public const int Exists = 8;

    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("user", "Add and list the people who sign in to the hub.") { Add(console, database), List(console, database) };

    private static Command Add(IAnsiConsole console, Option<string?> database)
    {
        var email = new Option<string>("--email") { Description = "The person's email, used to sign in.", Required = true };
        var admin = new Option<bool>("--admin") { Description = "An admin (connections, keys, tokens, users, compensation); otherwise a viewer." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (for scripts); otherwise it is asked for, unechoed." };
        var command = new Command("add", "Add a person; the password is asked for and never shown.") { email, admin, passwordStdin };
        command.SetAction(async (result, ct) =>
        {
            var password = result.GetValue(passwordStdin)
                ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? ""
                : console.Prompt(new TextPrompt<string>($"Password (at least {UserStore.MinimumPasswordLength} characters):").Secret());
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            try
            {
                var role = result.GetValue(admin) ? UserRole.Admin : UserRole.Viewer;
                var user = await hub.Get<UserStore>().AddAsync(result.GetValue(email)!, password, role, ct);
                await hub.Get<AuditLog>().WriteAsync("cli", "user.add", user.Email, role.ToString().ToLowerInvariant(), ct);
                console.MarkupLineInterpolated($"[green]Added {user.Email}[/] as {role.ToString().ToLowerInvariant()}.");
                return 0;
            }
            catch (ArgumentException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return 2;
            }
            catch (UserExistsException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return Exists;
            }
        });
        return command;
    }

    private static Command List(IAnsiConsole console, Option<string?> database)
    {
        var command = new Command("list", "List the people who may sign in.");
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var table = new Table().AddColumns("Email", "Role", "Added", "State");
            foreach (var u in await hub.Get<UserStore>().ListAsync(ct))
            {
                table.AddRow(Markup.Escape(u.Email), u.Role.ToString().ToLowerInvariant(), u.CreatedAt.ToString("u"), u.Disabled ? "disabled" : "active");
            }

            console.Write(table);
            return 0;
        });
        return command;
    }
}
