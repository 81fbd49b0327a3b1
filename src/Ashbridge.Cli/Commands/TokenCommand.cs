using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge token create|list|revoke</c>: API tokens for scripts (<c>Authorization: Bearer …</c>).</summary>
internal static class TokenCommand
{
    public const int NotFound = 7;

    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("token", "Create, list and revoke API tokens for scripts.") { CreateToken(console, database), List(console, database), Revoke(console, database) };

    private static Command CreateToken(IAnsiConsole console, Option<string?> database)
    {
        var user = new Option<string>("--user") { Description = "The email of the person the token acts for (it has their role).", Required = true };
        var name = new Option<string>("--name") { Description = "What uses the token, e.g. 'nightly export'.", Required = true };
        var connection = new Option<string?>("--connection") { Description = "Limit the token to this connection: it sees nothing of the others." };
        var readOnly = new Option<bool>("--read-only") { Description = "The token may only read." };
        var command = new Command("create", "Create a token; it is printed once and stored only as a hash.") { user, name, connection, readOnly };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await hub.Get<UserStore>().FindAsync(result.GetValue(user)!, ct) is not { } owner)
            {
                console.MarkupLineInterpolated($"[red]There is no user {result.GetValue(user)}[/]; add one with 'ashbridge user add'.");
                return NotFound;
            }

            long? connectionId = null;
            if (result.GetValue(connection) is { Length: > 0 } connectionName)
            {
                if (await hub.Get<ConnectionStore>().FindAsync(connectionName, ct) is not { } c)
                {
                    console.MarkupLineInterpolated($"[red]There is no connection named '{connectionName}'.[/]");
                    return NotFound;
                }

                connectionId = c.Id;
            }

            var (token, record) = await hub.Get<TokenStore>().CreateAsync(owner, result.GetValue(name)!, connectionId, result.GetValue(readOnly), ct);
            await hub.Get<AuditLog>().WriteAsync("cli", "token.create", $"token {record.Id} ({record.Name}) of {owner.Email}",
                $"connection={result.GetValue(connection) ?? "all"}, readOnly={record.ReadOnly}", ct);
            console.MarkupLineInterpolated($"Token {record.Id} for {owner.Email}; copy it now, it is not shown again:");
            console.WriteLine(token);
            return 0;
        });
        return command;
    }

    private static Command List(IAnsiConsole console, Option<string?> database)
    {
        var command = new Command("list", "List tokens (never the tokens themselves).");
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var table = new Table().AddColumns("Id", "Name", "User", "Limits", "Last used", "State");
            foreach (var t in await hub.Get<TokenStore>().ListAsync(ct))
            {
                var limits = (t.ConnectionId is { } c ? $"connection {c}" : "all connections") + (t.ReadOnly ? ", read-only" : "");
                table.AddRow(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(t.Name), Markup.Escape(t.UserEmail), limits,
                    t.LastUsedAt?.ToString("u") ?? "never", t.RevokedAt is null ? "active" : "revoked");
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Revoke(IAnsiConsole console, Option<string?> database)
    {
        var id = new Argument<long>("id") { Description = "The token's id (see 'ashbridge token list')." };
        var command = new Command("revoke", "Revoke a token: it stops working at once.") { id };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (!await hub.Get<TokenStore>().RevokeAsync(result.GetValue(id), ct))
            {
                console.MarkupLineInterpolated($"[red]There is no active token {result.GetValue(id)}.[/]");
                return NotFound;
            }

            await hub.Get<AuditLog>().WriteAsync("cli", "token.revoke", $"token {result.GetValue(id)}", null, ct);
            console.MarkupLineInterpolated($"[green]Revoked token {result.GetValue(id)}.[/]");
            return 0;
        });
        return command;
    }
}
