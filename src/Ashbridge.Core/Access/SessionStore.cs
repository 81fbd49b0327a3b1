using System.Security.Cryptography;
using System.Text;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Access;

/// <summary>
/// Sign-in sessions, so that a cookie is only as good as the database says: sign-out ends its session, and a session
/// lives only while its user is enabled and keeps the security stamp it was made under (a role change, a password
/// reset or disabling replaces the stamp). The cookie carries a random session key; only its SHA-256 is stored.
/// </summary>
public sealed class SessionStore(AshbridgeDatabase database, TimeProvider timeProvider)
{
    /// <summary>Starts a session for a user just signed in; returns the key the cookie carries.</summary>
    public async Task<string> StartAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO user_sessions (session_hash, user_id, user_stamp, created_ms) SELECT @hash, id, security_stamp, @now FROM users WHERE id = @id",
            new { hash = Hash(key), id = user.Id, now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return key;
    }

    /// <summary>The session's user as the database has them now, or null when the session ended or its user changed.</summary>
    public async Task<User?> ValidateAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 100) return null;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<(long Id, string Email, string Role, DateTimeOffset Created)>(new CommandDefinition(
            "SELECT u.id, u.email, u.role, u.created_ms FROM user_sessions s JOIN users u ON u.id = s.user_id "
            + "WHERE s.session_hash = @hash AND s.ended_ms IS NULL AND u.disabled_ms IS NULL AND u.security_stamp = s.user_stamp",
            new { hash = Hash(key) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.Id == 0 ? null : new User(row.Id, row.Email, UserStore.ParseRole(row.Role), row.Created, false);
    }

    /// <summary>Ends a session (sign-out): its cookie stops working at once, wherever it was copied to.</summary>
    public async Task EndAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key)) return;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE user_sessions SET ended_ms = @now WHERE session_hash = @hash AND ended_ms IS NULL",
            new { hash = Hash(key), now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
