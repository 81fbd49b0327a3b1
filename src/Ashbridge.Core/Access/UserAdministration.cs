namespace Ashbridge.Core.Access;

/// <summary>
/// Managing people, as the pages, the API and the CLI all do it: each change is made, then audited with who made it.
/// Changes that take access away end the person's sessions and tokens at once (see <see cref="UserStore"/>).
/// </summary>
public sealed class UserAdministration(UserStore users, AuditLog audit)
{
    /// <exception cref="ArgumentException">The email, password or role is not acceptable.</exception>
    /// <exception cref="UserExistsException">Someone has that email.</exception>
    public async Task<User> AddAsync(string actor, string email, string password, UserRole role, CancellationToken cancellationToken = default)
    {
        var user = await users.AddAsync(email, password, role, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor, "user.add", user.Email, UserStore.Text(role), cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>Applies a role and/or a disabled state; what is null stays. Returns null when there is no such user.</summary>
    /// <exception cref="ArgumentException">The role is not one of ours.</exception>
    /// <exception cref="UserChangeRefusedException">It would leave the hub without an active admin.</exception>
    public async Task<User?> ChangeAsync(string actor, long id, UserRole? role, bool? disabled, CancellationToken cancellationToken = default)
    {
        if (await users.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } user) return null;
        if (role is { } newRole && newRole != user.Role)
        {
            user = await users.ChangeRoleAsync(id, newRole, cancellationToken).ConfigureAwait(false);
            await audit.WriteAsync(actor, "user.role", user.Email, UserStore.Text(newRole), cancellationToken).ConfigureAwait(false);
        }

        if (disabled is { } off && off != user.Disabled)
        {
            user = await users.SetDisabledAsync(id, off, cancellationToken).ConfigureAwait(false);
            await audit.WriteAsync(actor, off ? "user.disable" : "user.enable", user.Email, null, cancellationToken).ConfigureAwait(false);
        }

        return user;
    }

    /// <summary>Sets a new password; returns null when there is no such user.</summary>
    /// <exception cref="ArgumentException">The password is too short.</exception>
    public async Task<User?> ResetPasswordAsync(string actor, long id, string password, CancellationToken cancellationToken = default)
    {
        if (await users.FindAsync(id, cancellationToken).ConfigureAwait(false) is null) return null;
        var user = await users.ResetPasswordAsync(id, password, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor, "user.password.reset", user.Email, null, cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>Removes a person; returns null when there is no such user.</summary>
    /// <exception cref="UserChangeRefusedException">It would leave the hub without an active admin.</exception>
    public async Task<User?> RemoveAsync(string actor, long id, CancellationToken cancellationToken = default)
    {
        if (await users.FindAsync(id, cancellationToken).ConfigureAwait(false) is null) return null;
        var user = await users.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor, "user.remove", user.Email, null, cancellationToken).ConfigureAwait(false);
        return user;
    }
}
