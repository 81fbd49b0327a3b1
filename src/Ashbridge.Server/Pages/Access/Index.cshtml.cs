using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Access;

/// <summary>Users and API tokens: who may sign in, what scripts may call; a new token is shown here once.</summary>
[Authorize(Policy = AccessHosting.AdminPolicy)]
public sealed class IndexModel(UserStore users, TokenStore tokens, ConnectionStore connections, AuditLog audit) : PageModel
{
    public IReadOnlyList<User> Users { get; private set; } = [];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    /// <summary>A token just made: shown on this answer only.</summary>
    public string? NewToken { get; private set; }

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddUserAsync(string email, string password, UserRole role, CancellationToken ct)
    {
        try
        {
            var user = await users.AddAsync(email, password, role, ct);
            await audit.WriteAsync(User.Actor(), "user.add", user.Email, role.ToString().ToLowerInvariant(), ct);
            Notice = $"Added {user.Email} as {role.ToString().ToLowerInvariant()}.";
        }
        catch (Exception ex) when (ex is ArgumentException or UserExistsException)
        {
            Problem = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(string name, long? connectionId, bool readOnly, CancellationToken ct)
    {
        var me = await users.FindAsync(User.Actor(), ct);
        if (me is null) return Forbid();
        try
        {
            var (token, record) = await tokens.CreateAsync(me, name, connectionId, readOnly, ct);
            await audit.WriteAsync(User.Actor(), "token.create", $"token {record.Id} ({record.Name}) of {me.Email}", $"connection={connectionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}, readOnly={readOnly}", ct);
            NewToken = token;
        }
        catch (ArgumentException ex)
        {
            Problem = ex.Message;
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

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await users.ListAsync(ct);
        Tokens = await tokens.ListAsync(ct);
        Connections = await connections.ListAsync(ct);
    }
}
