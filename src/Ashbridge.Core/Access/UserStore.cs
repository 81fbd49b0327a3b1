using System.Data.Common;
using System.Security.Cryptography;
using Ashbridge.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Ashbridge.Core.Access;

/// <summary>
/// People and their passwords, hashed with ASP.NET Core Identity's standard hasher (PBKDF2, versioned format). Every
/// change that takes access away (a role change, a password reset, disabling, removal) replaces the user's security
/// stamp, which ends every session and API token made before it. Wrong passwords lock the account for a while, doubling.
/// </summary>
public sealed class UserStore(AshbridgeDatabase database, TimeProvider timeProvider)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    public const int FailuresBeforeLockout = 5;

    /// <summary>The first lockout; each further wrong password doubles it, up to <see cref="LongestLockout"/>.</summary>
    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);

    private const string Columns =
        "id AS Id, email AS Email, password_hash AS PasswordHash, role AS Role, created_ms AS CreatedAt, disabled_ms AS DisabledAt, "
        + "failed_sign_ins AS FailedSignIns, locked_until_ms AS LockedUntil";

    private static readonly PasswordHasher<User> Hasher = new();
    private readonly TimeProvider _time = timeProvider;

    /// <summary>Adds a person.</summary>
    /// <exception cref="ArgumentException">The email or password is not acceptable (the message says why).</exception>
    /// <exception cref="UserExistsException">Someone has that email.</exception>
    public async Task<User> AddAsync(string email, string password, UserRole role, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(email);
        CheckPassword(password);
        CheckRole(role);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(db, normalized, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new UserExistsException($"A user with the email {normalized} exists.");
        }

        var now = _time.NowAsStored();
        var placeholder = new User(0, normalized, role, now, false);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO users (email, password_hash, role, created_ms, security_stamp) VALUES (@email, @hash, @role, @now, @stamp) RETURNING id",
            new { email = normalized, hash = Hasher.HashPassword(placeholder, password), role = Text(role), now, stamp = NewStamp() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return placeholder with { Id = id };
    }

    /// <summary>
    /// Checks a password. A wrong one counts toward the account's lockout; a right one during a lockout is refused too,
    /// so guessing gains nothing until it ends. Unknown emails cost the same hashing work as known ones.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return new SignInResult(SignInOutcome.Refused);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE email = @email", new { email = email.Trim().ToLowerInvariant() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            Hasher.HashPassword(null!, password); // the same work as a real check, so timing does not tell who exists
            return new SignInResult(SignInOutcome.Refused);
        }

        var now = _time.GetUtcNow();
        if (row.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: until);
        }

        var user = row.ToUser();
        if (!user.Disabled && Hasher.VerifyHashedPassword(user, row.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            if (row.FailedSignIns > 0 || row.LockedUntil is not null)
            {
                await db.ExecuteAsync(new CommandDefinition(
                    "UPDATE users SET failed_sign_ins = 0, locked_until_ms = NULL WHERE id = @id", new { id = row.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            return new SignInResult(SignInOutcome.SignedIn, user);
        }

        var failures = row.FailedSignIns + 1;
        DateTimeOffset? lockedUntil = failures >= FailuresBeforeLockout ? now + LockoutFor(failures) : null;
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_sign_ins = @failures, locked_until_ms = @until WHERE id = @id",
            new { id = row.Id, failures, until = lockedUntil }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return lockedUntil is { } lockEnd ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockEnd) : new SignInResult(SignInOutcome.Refused);
    }

    /// <summary>The user whose password this is, or null (unknown email, wrong password, disabled or locked out).</summary>
    public async Task<User?> VerifyAsync(string email, string password, CancellationToken cancellationToken = default) =>
        (await SignInAsync(email, password, cancellationToken).ConfigureAwait(false)).User;

    /// <summary>Everyone, by email.</summary>
    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM users ORDER BY email", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToUser())];
    }

    /// <summary>The user with this email, if any.</summary>
    public async Task<User?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(db, Normalize(email), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user with this id, if any.</summary>
    public async Task<User?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return (await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToUser();
    }

    /// <summary>Gives the user another role; their sessions and tokens end (they sign in again under the new role).</summary>
    /// <exception cref="UserChangeRefusedException">No such user, or it would leave no active admin.</exception>
    public Task<User> ChangeRoleAsync(long id, UserRole role, CancellationToken cancellationToken = default)
    {
        CheckRole(role);
        return ChangeAsync(id, "role = @role", new { role = Text(role) }, demotes: role != UserRole.Admin, cancellationToken);
    }

    /// <summary>Disables (or enables again) the user; disabling ends their sessions and tokens at once.</summary>
    /// <exception cref="UserChangeRefusedException">No such user, or it would leave no active admin.</exception>
    public Task<User> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, "disabled_ms = @disabledMs", new { disabledMs = disabled ? _time.GetUtcNow() : (DateTimeOffset?)null }, demotes: disabled, cancellationToken);

    /// <summary>Sets a new password and lifts any lockout; the user's sessions and tokens end.</summary>
    /// <exception cref="ArgumentException">The password is too short.</exception>
    /// <exception cref="UserChangeRefusedException">No such user.</exception>
    public Task<User> ResetPasswordAsync(long id, string password, CancellationToken cancellationToken = default)
    {
        CheckPassword(password);
        return ChangeAsync(id, "password_hash = @hash, failed_sign_ins = 0, locked_until_ms = NULL",
            new { hash = Hasher.HashPassword(null!, password) }, demotes: false, cancellationToken);
    }

    /// <summary>Removes the user with their sessions and tokens; the audit log keeps what they did.</summary>
    /// <exception cref="UserChangeRefusedException">No such user, or it would leave no active admin.</exception>
    public async Task<User> RemoveAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var user = await GuardAsync(db, transaction, id, demotes: true, cancellationToken).ConfigureAwait(false);
        foreach (var table in new[] { "user_sessions", "api_tokens" })
        {
            await db.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE user_id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await db.ExecuteAsync(new CommandDefinition("DELETE FROM users WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>Applies one change with a new security stamp, refusing one that would leave the hub without an active admin.</summary>
    private async Task<User> ChangeAsync(long id, string set, object values, bool demotes, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await GuardAsync(db, transaction, id, demotes, cancellationToken).ConfigureAwait(false);
        var parameters = new DynamicParameters(values);
        parameters.Add("id", id);
        parameters.Add("stamp", NewStamp());
        await db.ExecuteAsync(new CommandDefinition($"UPDATE users SET {set}, security_stamp = @stamp WHERE id = @id", parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var changed = await db.QuerySingleAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM users WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed.ToUser();
    }

    private static async Task<User> GuardAsync(DbConnection db, DbTransaction transaction, long id, bool demotes, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM users WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new UserChangeRefusedException($"There is no user {id}.");
        var user = row.ToUser();
        if (demotes && user is { Role: UserRole.Admin, Disabled: false })
        {
            var otherAdmins = await db.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM users WHERE role = @admin AND disabled_ms IS NULL AND id <> @id", new { admin = Text(UserRole.Admin), id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (otherAdmins == 0) throw new UserChangeRefusedException($"{user.Email} is the only active admin: make another admin first, or nobody could manage the hub.");
        }

        return user;
    }

    private static async Task<User?> FindAsync(DbConnection db, string email, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE email = @email", new { email }, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToUser();

    private static TimeSpan LockoutFor(int failures)
    {
        var doublings = Math.Min(failures - FailuresBeforeLockout, 10);
        var lockout = FirstLockout * Math.Pow(2, doublings);
        return lockout < LongestLockout ? lockout : LongestLockout;
    }

    private static void CheckPassword(string password)
    {
        if (password is null || password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"The password must be at least {MinimumPasswordLength} characters long.");
        }
    }

    private static void CheckRole(UserRole role)
    {
        if (!Enum.IsDefined(role)) throw new ArgumentException($"There is no role {(int)role}: use viewer, finance or admin.");
    }

    private static string Normalize(string email)
    {
        var trimmed = email?.Trim().ToLowerInvariant() ?? "";
        if (trimmed.Length is < 3 or > 320 || trimmed.IndexOf('@', StringComparison.Ordinal) is < 1 || trimmed.EndsWith('@'))
        {
            throw new ArgumentException($"'{email}' is not an email address.");
        }

        return trimmed;
    }

    internal static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A role as stored and shown: viewer, finance, admin.</summary>
    public static string Text(UserRole role) => StoredText.Of(role);

    internal static UserRole ParseRole(string text) => Enum.TryParse<UserRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : UserRole.Viewer;

    private sealed class Row
    {
        public long Id { get; set; }
        public string Email { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public string Role { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? DisabledAt { get; set; }
        public int FailedSignIns { get; set; }
        public DateTimeOffset? LockedUntil { get; set; }

        public User ToUser() => new(Id, Email, ParseRole(Role), CreatedAt, DisabledAt is not null);
    }
}
