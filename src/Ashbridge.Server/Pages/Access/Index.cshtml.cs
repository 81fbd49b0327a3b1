using System.Globalization;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Access;
using Ashbridge.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Access;

/// <summary>Users and API tokens: who may sign in and as what, what scripts may call; a new token is shown here once.</summary>
[Authorize(Policy = AccessPolicies.HubAdmin)]
public sealed class IndexModel(UserStore users, UserAdministration people, TokenStore tokens, ConnectionStore connections, AuditLog audit) : PageModel
{
    public IReadOnlyList<User> Users { get; private set; } = [];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    /// <summary>A token just made: shown on this answer only.</summary>
    public string? NewToken { get; private set; }

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The roles a person can have, with what each may do, for the forms.</summary>
    public static IReadOnlyList<(UserRole Role, string Text)> Roles { get; } =
    [
        (UserRole.Viewer, "viewer: reads, without compensation"),
        (UserRole.Finance, "finance: reads, with compensation"),
        (UserRole.Admin, "admin: connections, keys, tokens, people, compensation"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAddUserAsync(string? email, string? password, string? role, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var user = await people.AddAsync(User.Actor(), email ?? "", password ?? "", ParseRole(role), ct);
            return $"Added {user.Email} as {UserStore.Text(user.Role)}.";
        }, ct);

    public Task<IActionResult> OnPostChangeRoleAsync(long id, string? role, CancellationToken ct) =>
        ActAsync(async () => await people.ChangeAsync(User.Actor(), id, ParseRole(role), null, ct) is { } user
            ? $"{user.Email} is now {UserStore.Text(user.Role)}; their sessions and tokens ended, so they sign in again."
            : null, ct);

    public Task<IActionResult> OnPostSetDisabledAsync(long id, bool disabled, CancellationToken ct) =>
        ActAsync(async () => await people.ChangeAsync(User.Actor(), id, null, disabled, ct) is { } user
            ? disabled ? $"{user.Email} is disabled: their sessions and tokens stopped working." : $"{user.Email} may sign in again."
            : null, ct);

    public Task<IActionResult> OnPostResetPasswordAsync(long id, string? password, CancellationToken ct) =>
        ActAsync(async () => await people.ResetPasswordAsync(User.Actor(), id, password ?? "", ct) is { } user
            ? $"New password set for {user.Email}; their sessions and tokens ended. Tell them the password another way than this page."
            : null, ct);

    public Task<IActionResult> OnPostRemoveUserAsync(long id, CancellationToken ct) =>
        ActAsync(async () => await people.RemoveAsync(User.Actor(), id, ct) is { } user ? $"Removed {user.Email} with their tokens; the audit log keeps what they did." : null, ct);

    public async Task<IActionResult> OnPostCreateTokenAsync(string? name, string? connectionId, bool readOnly, CancellationToken ct)
    {
        var me = await users.FindAsync(User.Actor(), ct);
        if (me is null) return Forbid();
        Connection? limit = null;
        if (connectionId is { Length: > 0 })
        {
            limit = long.TryParse(connectionId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (await connections.ListAsync(ct)).FirstOrDefault(c => c.Id == id)
                : null;
            if (limit is null)
            {
                Problem = "That connection does not exist (any more): pick one from the list, or all connections.";
                await LoadAsync(ct);
                return Page();
            }
        }

        try
        {
            var (token, record) = await tokens.CreateAsync(me, name ?? "", limit?.Id, readOnly, ct);
            await audit.WriteAsync(User.Actor(), "token.create", $"token {record.Id} ({record.Name}) of {me.Email}", $"connection={limit?.Name ?? "all"}, readOnly={readOnly}", ct);
            NewToken = token;
        }
        catch (ArgumentException ex)
        {
            Problem = BadRequests.WithoutParameterName(ex.Message);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        if (await tokens.RevokeAsync(id, ct))
        {
            await audit.WriteAsync(User.Actor(), "token.revoke", $"token {id}", null, ct);
            Notice = $"Token {id} revoked: it stopped working.";
        }

        await LoadAsync(ct);
        return Page();
    }

    public string ConnectionName(long? id) => id is null ? "all connections" : Connections.FirstOrDefault(c => c.Id == id)?.Name ?? $"connection {id}";

    /// <summary>Runs one change to a person and shows its outcome, or why it was refused, in words.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<string?>> change, CancellationToken ct)
    {
        try
        {
            Notice = await change() ?? "That person does not exist (any more).";
        }
        catch (ArgumentException ex)
        {
            Problem = BadRequests.WithoutParameterName(ex.Message);
        }
        catch (Exception ex) when (ex is UserExistsException or UserChangeRefusedException)
        {
            Problem = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A role by its name; anything else is refused (never a number stored as a role).</summary>
    private static UserRole ParseRole(string? role) =>
        Roles.FirstOrDefault(r => string.Equals(r.Role.ToString(), role, StringComparison.OrdinalIgnoreCase)) is { Text: not null } found
            ? found.Role
            : throw new ArgumentException("Pick a role: viewer, finance or admin.");

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await users.ListAsync(ct);
        Tokens = await tokens.ListAsync(ct);
        Connections = await connections.ListAsync(ct);
    }
}
