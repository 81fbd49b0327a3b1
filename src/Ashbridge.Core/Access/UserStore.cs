using System.Data.Common;
using Ashbridge.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Ashbridge.Core.Access;

/// <summary>What a person may do: admins manage connections, keys, tokens and settings, and see compensation; viewers read.</summary>
public enum UserRole
{
    /// <summary>Reads everything but compensation; changes nothing.</summary>
    Viewer,

    /// <summary>Everything.</summary>
    Admin,
}

/// <summary>A person who signs in.</summary>
public sealed record User(long Id, string Email, UserRole Role, DateTimeOffset CreatedAt, bool Disabled);

/// <summary>The user exists already.</summary>
public sealed class UserExistsException : Exception
{
    public UserExistsException() { }

    public UserExistsException(string message) : base(message) { }

    public UserExistsException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>People and their passwords, hashed with ASP.NET Core Identity's standard hasher (PBKDF2, versioned format).</summary>
public sealed class UserStore(AshbridgeDatabase database, TimeProvider? timeProvider = null)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    private static readonly PasswordHasher<User> Hasher = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Adds a person.</summary>
    /// <exception cref="ArgumentException">The email or password is not acceptable (the message says why).</exception>
    /// <exception cref="UserExistsException">Someone has that email.</exception>
    public async Task<User> AddAsync(string email, string password, UserRole role, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(email);
        if (password is null || password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"The password must be at least {MinimumPasswordLength} characters long.", nameof(password));
        }

        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(connection, normalized, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new UserExistsException($"A user with the email {normalized} exists.");
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var placeholder = new User(0, normalized, role, DateTimeOffset.FromUnixTimeMilliseconds(now), false);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO users (email, password_hash, role, created_ms) VALUES (@email, @hash, @role, @now) RETURNING id",
            new { email = normalized, hash = Hasher.HashPassword(placeholder, password), role = Text(role), now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return placeholder with { Id = id };
    }

    /// <summary>The user whose password this is, or null (unknown email, wrong password or disabled: callers cannot tell which).</summary>
    public async Task<User?> VerifyAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return null;
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, email AS Email, password_hash AS PasswordHash, role AS Role, created_ms AS CreatedMs, disabled_ms AS DisabledMs FROM users WHERE email = @email",
            new { email = email.Trim().ToLowerInvariant() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            Hasher.HashPassword(null!, password); // the same work as a real check, so timing does not tell who exists
            return null;
        }

        var user = row.ToUser();
        return !user.Disabled && Hasher.VerifyHashedPassword(user, row.PasswordHash, password) != PasswordVerificationResult.Failed ? user : null;
    }

    /// <summary>Everyone, by email.</summary>
    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, email AS Email, password_hash AS PasswordHash, role AS Role, created_ms AS CreatedMs, disabled_ms AS DisabledMs FROM users ORDER BY email",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToUser())];
    }

    /// <summary>The user with this email, if any.</summary>
    public async Task<User?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, Normalize(email), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<User?> FindAsync(DbConnection connection, string email, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, email AS Email, password_hash AS PasswordHash, role AS Role, created_ms AS CreatedMs, disabled_ms AS DisabledMs FROM users WHERE email = @email",
            new { email }, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToUser();

    private static string Normalize(string email)
    {
        var trimmed = email?.Trim().ToLowerInvariant() ?? "";
        if (trimmed.Length is < 3 or > 320 || trimmed.IndexOf('@', StringComparison.Ordinal) is < 1 || trimmed.EndsWith('@'))
        {
            throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        }

        return trimmed;
    }

    internal static string Text(UserRole role) => role.ToString().ToLowerInvariant();

    private sealed class Row
    {
        public long Id { get; set; }
        public string Email { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public string Role { get; set; } = "";
        public long CreatedMs { get; set; }
        public long? DisabledMs { get; set; }

        public User ToUser() => new(Id, Email, Enum.Parse<UserRole>(Role, ignoreCase: true), DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs), DisabledMs is not null);
    }
}
