using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Access;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary>
/// <c>ashbridge user add|list|role|disable|enable|reset-password|remove</c>: the people who sign in to the hub. Every
/// change is audited as made by "cli", and one that takes access away ends the person's sessions and tokens at once.
/// </summary>
internal static class UserCommand
{
    public const int Exists = 8;

    /// <summary>Exit code: the change was refused (it would leave no active admin).</summary>
    public const int Refused = 9;

    private const int BadInput = 2;
    private const int NotFound = 7;
    private const string Actor = "cli";

    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("user", "Add, list and manage the people who sign in to the hub.")
        {
            Add(console, database), List(console, database), Role(console, database),
            SetDisabled(console, database, disable: true), SetDisabled(console, database, disable: false),
            ResetPassword(console, database), Remove(console, database),
        };

    private static Option<string> EmailOption() => new("--email") { Description = "The person's email, used to sign in.", Required = true };

    private static Option<bool> PasswordStdinOption() =>
        new("--password-stdin") { Description = "Read the password from standard input (for scripts); otherwise it is asked for, unechoed." };

    private static Command Add(IAnsiConsole console, Option<string?> database)
    {
        var email = EmailOption();
        var admin = new Option<bool>("--admin") { Description = "An admin (connections, keys, tokens, users, compensation); same as --role admin." };
        var role = RoleOption(required: false);
        var passwordStdin = PasswordStdinOption();
        var command = new Command("add", "Add a person; the password is asked for and never shown.") { email, admin, role, passwordStdin };
        command.SetAction(async (result, ct) =>
        {
            if (await ReadPasswordAsync(console, result.GetValue(passwordStdin), ct) is not { } password) return BadInput;
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var chosen = result.GetValue(admin) ? UserRole.Admin : result.GetValue(role) ?? UserRole.Viewer;
            return await RunAsync(console, async () =>
            {
                var user = await hub.Get<UserAdministration>().AddAsync(Actor, result.GetValue(email)!, password, chosen, ct);
                console.MarkupLineInterpolated($"[green]Added {user.Email}[/] as {UserStore.Text(user.Role)}.");
            });
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
                table.AddRow(Markup.Escape(u.Email), UserStore.Text(u.Role), u.CreatedAt.ToString("u"), u.Disabled ? "disabled" : "active");
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Role(IAnsiConsole console, Option<string?> database)
    {
        var email = EmailOption();
        var role = RoleOption(required: true);
        var command = new Command("role", "Give a person another role; their sessions and tokens end.") { email, role };
        command.SetAction((result, ct) => ChangeAsync(console, database, result, email, async (people, id) =>
            await people.ChangeAsync(Actor, id, result.GetValue(role), null, ct) is { } user ? $"{user.Email} is now {UserStore.Text(user.Role)}." : null, ct));
        return command;
    }

    private static Command SetDisabled(IAnsiConsole console, Option<string?> database, bool disable)
    {
        var email = EmailOption();
        var command = disable
            ? new Command("disable", "Stop a person signing in; their sessions and tokens stop working at once.") { email }
            : new Command("enable", "Let a disabled person sign in again.") { email };
        command.SetAction((result, ct) => ChangeAsync(console, database, result, email, async (people, id) =>
            await people.ChangeAsync(Actor, id, null, disable, ct) is { } user ? $"{user.Email} is {(disable ? "disabled" : "enabled")}." : null, ct));
        return command;
    }

    private static Command ResetPassword(IAnsiConsole console, Option<string?> database)
    {
        var email = EmailOption();
        var passwordStdin = PasswordStdinOption();
        var command = new Command("reset-password", "Set a new password (and lift a lockout); the person's sessions and tokens end.") { email, passwordStdin };
        command.SetAction(async (result, ct) =>
        {
            if (await ReadPasswordAsync(console, result.GetValue(passwordStdin), ct) is not { } password) return BadInput;
            return await ChangeAsync(console, database, result, email, async (people, id) =>
                await people.ResetPasswordAsync(Actor, id, password, ct) is { } user ? $"New password set for {user.Email}." : null, ct);
        });
        return command;
    }

    private static Command Remove(IAnsiConsole console, Option<string?> database)
    {
        var email = EmailOption();
        var command = new Command("remove", "Remove a person with their tokens; the audit log keeps what they did.") { email };
        command.SetAction((result, ct) => ChangeAsync(console, database, result, email, async (people, id) =>
            await people.RemoveAsync(Actor, id, ct) is { } user ? $"Removed {user.Email}." : null, ct));
        return command;
    }

    private static Option<UserRole?> RoleOption(bool required) => new("--role")
    {
        Description = "viewer (reads, without compensation), finance (reads, with compensation) or admin (everything).",
        Required = required,
        CustomParser = parsed => parsed.Tokens.Count == 1 && Enum.TryParse<UserRole>(parsed.Tokens[0].Value, ignoreCase: true, out var role)
            && Enum.IsDefined(role) && !char.IsDigit(parsed.Tokens[0].Value[0])
            ? role
            : Fail(parsed),
    };

    private static UserRole? Fail(System.CommandLine.Parsing.ArgumentResult parsed)
    {
        parsed.AddError($"'{string.Join(' ', parsed.Tokens.Select(t => t.Value))}' is not a role: use viewer, finance or admin.");
        return null;
    }

    /// <summary>Finds the person by email, then runs the change; prints the outcome or why it was refused.</summary>
    private static async Task<int> ChangeAsync(
        IAnsiConsole console, Option<string?> database, ParseResult result, Option<string> email, Func<UserAdministration, long, Task<string?>> change, CancellationToken ct)
    {
        await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
        if (hub is null) return HubSession.DatabaseUnavailable;
        User? user;
        try
        {
            user = await hub.Get<UserStore>().FindAsync(result.GetValue(email)!, ct);
        }
        catch (ArgumentException)
        {
            user = null;
        }

        if (user is null)
        {
            console.MarkupLineInterpolated($"[red]There is no user {result.GetValue(email)}.[/] 'ashbridge user list' shows who there is.");
            return NotFound;
        }

        return await RunAsync(console, async () =>
        {
            if (await change(hub.Get<UserAdministration>(), user.Id) is { } done) console.MarkupLineInterpolated($"[green]{done}[/]");
        });
    }

    private static async Task<int> RunAsync(IAnsiConsole console, Func<Task> act)
    {
        try
        {
            await act();
            return 0;
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return BadInput;
        }
        catch (UserExistsException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return Exists;
        }
        catch (UserChangeRefusedException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return Refused;
        }
    }

    /// <summary>The password from standard input, or asked for on the terminal; null (said why) when neither can be had.</summary>
    private static async Task<string?> ReadPasswordAsync(IAnsiConsole console, bool fromStdin, CancellationToken ct)
    {
        if (fromStdin) return (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
        if (!console.Profile.Capabilities.Interactive || Console.IsInputRedirected)
        {
            console.MarkupLine("[red]There is no terminal to ask the password on.[/] Pass it on standard input with --password-stdin.");
            return null;
        }

        return await console.PromptAsync(new TextPrompt<string>($"Password (at least {UserStore.MinimumPasswordLength} characters):").Secret(), ct);
    }
}
