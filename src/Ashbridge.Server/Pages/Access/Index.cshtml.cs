using System.Globalization;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Access;
using Ashbridge.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Access;

/// <summary>
/// Users and API tokens: who may sign in and as what, what scripts may call. Every change that succeeds redirects
/// (Post/Redirect/Get) with its outcome in the flash; a new token rides along in TempData (data-protected, read once),
/// so it is shown exactly once. A refused change answers 422 with the reason beside its field and what was typed kept.
/// </summary>
[Authorize(Policy = AccessPolicies.HubAdmin)]
public sealed class IndexModel(UserStore users, UserAdministration people, TokenStore tokens, ConnectionStore connections, AuditLog audit) : PageModel
{
    private const string NewTokenKey = "access-new-token";

    public IReadOnlyList<User> Users { get; private set; } = [];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    /// <summary>A token just made: shown on the page the creation redirected to, and never again.</summary>
    public string? NewToken { get; private set; }

    /// <summary>Why a form was refused, by field name (<c>email</c>, <c>password</c>, <c>role</c>, <c>name</c>, <c>connection</c>).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Which form <see cref="Errors"/> belong to: <c>add-user</c>, <c>create-token</c>, or <c>user-{id}</c> for a row.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>What was typed into the add-person form (the password never comes back).</summary>
    public string? AddEmail { get; private set; }

    public string? AddRole { get; private set; }

    /// <summary>What was typed into the create-token form.</summary>
    public string? TokenName { get; private set; }

    public string? TokenConnection { get; private set; }

    public bool TokenReadOnly { get; private set; }

    /// <summary>The roles a person can have, with what each may do, for the forms.</summary>
    public static IReadOnlyList<(UserRole Role, string Text)> Roles { get; } =
    [
        (UserRole.Viewer, "viewer: reads, without compensation"),
        (UserRole.Finance, "finance: reads, with compensation"),
        (UserRole.Admin, "admin: connections, keys, tokens, people, compensation"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        NewToken = TempData[NewTokenKey] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddUserAsync(string? email, string? password, string? role, CancellationToken ct)
    {
        AddEmail = email?.Trim();
        AddRole = role;
        var parsed = ParseRole(role);
        if (string.IsNullOrWhiteSpace(email)) Errors["email"] = "Enter the person's email address.";
        else if (!LooksLikeEmail(email)) Errors["email"] = $"'{email.Trim()}' is not an email address: it needs a name, an @ and a domain.";
        if (string.IsNullOrEmpty(password)) Errors["password"] = $"Enter a first password of at least {UserStore.MinimumPasswordLength} characters.";
        else if (password.Length < UserStore.MinimumPasswordLength) Errors["password"] = $"Use at least {UserStore.MinimumPasswordLength} characters; this one has {password.Length}.";
        if (parsed is null) Errors["role"] = "Pick a role: viewer, finance or admin.";
        if (Errors.Count == 0)
        {
            try
            {
                var user = await people.AddAsync(User.Actor(), email!, password!, parsed!.Value, ct);
                TempData.Ok($"Added {user.Email} as {UserStore.Text(user.Role)}. Tell them their first password another way than this page.");
                return RedirectToPage();
            }
            catch (UserExistsException)
            {
                Errors["email"] = $"Someone already signs in as {email!.Trim().ToLowerInvariant()}: change their role in the table instead.";
            }
            catch (ArgumentException ex)
            {
                Errors["email"] = BadRequests.WithoutParameterName(ex.Message);
            }
        }

        return await RefusedAsync("add-user", ct);
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(long id, string? role, CancellationToken ct)
    {
        if (ParseRole(role) is not { } parsed)
        {
            Errors["role"] = "Pick a role: viewer, finance or admin.";
            return await RefusedAsync($"user-{id}", ct);
        }

        return await ChangeAsync(id, async () => await people.ChangeAsync(User.Actor(), id, parsed, null, ct) is { } user
            ? $"{user.Email} is now {UserStore.Text(user.Role)}; their sessions and tokens ended, so they sign in again."
            : null, "role", ct);
    }

    public Task<IActionResult> OnPostSetDisabledAsync(long id, bool disabled, CancellationToken ct) =>
        ChangeAsync(id, async () => await people.ChangeAsync(User.Actor(), id, null, disabled, ct) is { } user
            ? disabled ? $"{user.Email} is disabled: their sessions and tokens stopped working." : $"{user.Email} may sign in again."
            : null, "state", ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(long id, string? password, CancellationToken ct)
    {
        if (password is null || password.Length < UserStore.MinimumPasswordLength)
        {
            Errors["password"] = string.IsNullOrEmpty(password)
                ? $"Enter a new password of at least {UserStore.MinimumPasswordLength} characters."
                : $"Use at least {UserStore.MinimumPasswordLength} characters; this one has {password.Length}.";
            return await RefusedAsync($"user-{id}", ct);
        }

        return await ChangeAsync(id, async () => await people.ResetPasswordAsync(User.Actor(), id, password, ct) is { } user
            ? $"New password set for {user.Email}; their sessions and tokens ended. Tell them the password another way than this page."
            : null, "password", ct);
    }

    public Task<IActionResult> OnPostRemoveUserAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, async () => await people.RemoveAsync(User.Actor(), id, ct) is { } user ? $"Removed {user.Email} with their tokens; the audit log keeps what they did." : null, "state", ct);

    public async Task<IActionResult> OnPostCreateTokenAsync(string? name, string? connectionId, bool readOnly, CancellationToken ct)
    {
        TokenName = name?.Trim();
        TokenConnection = connectionId;
        TokenReadOnly = readOnly;
        if (await users.FindAsync(User.Actor(), ct) is not { } me) return Forbid();
        Connection? limit = null;
        if (connectionId is { Length: > 0 })
        {
            limit = long.TryParse(connectionId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (await connections.ListAsync(ct)).FirstOrDefault(c => c.Id == id)
                : null;
            if (limit is null) Errors["connection"] = "That connection does not exist (any more): pick one from the list, or all connections.";
        }

        if (string.IsNullOrWhiteSpace(name)) Errors["name"] = "Give the token a name that says what uses it, such as “nightly export”.";
        if (Errors.Count > 0) return await RefusedAsync("create-token", ct);

        try
        {
            var (token, record) = await tokens.CreateAsync(me, name!, limit?.Id, readOnly, ct);
            await audit.WriteAsync(User.Actor(), "token.create", $"token {record.Id} ({record.Name}) of {me.Email}", $"connection={limit?.Name ?? "all"}, readOnly={readOnly}", ct);
            TempData[NewTokenKey] = token;
            TempData.Ok($"Token “{record.Name}” created. Copy it now: it is shown on this page once.");
            return RedirectToPage();
        }
        catch (ArgumentException ex)
        {
            Errors["name"] = BadRequests.WithoutParameterName(ex.Message);
            return await RefusedAsync("create-token", ct);
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        if (await tokens.RevokeAsync(id, ct))
        {
            await audit.WriteAsync(User.Actor(), "token.revoke", $"token {id}", null, ct);
            TempData.Ok($"Token {id} revoked: it stopped working.");
        }
        else
        {
            TempData.Error($"Token {id} does not exist or was already revoked.");
        }

        return RedirectToPage();
    }

    public string ConnectionName(long? id) => id is null ? "all connections" : Connections.FirstOrDefault(c => c.Id == id)?.Name ?? $"connection {id}";

    /// <summary>The error of a field in a form, if that form was the one refused.</summary>
    public string? ErrorFor(string form, string field) => FailedForm == form && Errors.TryGetValue(field, out var error) ? error : null;

    /// <summary>Runs one change to a person: done, it redirects with the outcome; refused, the page answers 422 with the reason in their row.</summary>
    private async Task<IActionResult> ChangeAsync(long id, Func<Task<string?>> change, string field, CancellationToken ct)
    {
        try
        {
            if (await change() is { } done) TempData.Ok(done);
            else TempData.Error("That person does not exist (any more).");
            return RedirectToPage();
        }
        catch (ArgumentException ex)
        {
            Errors[field] = BadRequests.WithoutParameterName(ex.Message);
        }
        catch (UserChangeRefusedException ex)
        {
            Errors[field] = ex.Message;
        }

        return await RefusedAsync($"user-{id}", ct);
    }

    private async Task<IActionResult> RefusedAsync(string form, CancellationToken ct)
    {
        FailedForm = form;
        await LoadAsync(ct);
        return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    /// <summary>A role by its name; anything else is refused (never a number stored as a role).</summary>
    private static UserRole? ParseRole(string? role) =>
        Roles.FirstOrDefault(r => string.Equals(r.Role.ToString(), role, StringComparison.OrdinalIgnoreCase)) is { Text: not null } found ? found.Role : null;

    private static bool LooksLikeEmail(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return trimmed.Length <= 320 && at > 0 && at < trimmed.Length - 1 && !trimmed.Contains(' ', StringComparison.Ordinal);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await users.ListAsync(ct);
        Tokens = await tokens.ListAsync(ct);
        Connections = await connections.ListAsync(ct);
    }
}
