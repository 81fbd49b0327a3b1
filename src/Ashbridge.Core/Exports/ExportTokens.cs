using System.Security.Cryptography;
using System.Text;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Exports;

/// <summary>
/// Tokens bound to one export (Pigment's "application access list"): <c>abx_</c> and 43 random characters, stored only as
/// a SHA-256. One reads its export's rows and nothing else; it acts with its user's role as it is now (compensation only
/// when made with it and the user is an admin or finance), and ends when revoked, or when its user is disabled or their
/// security stamp changes. Its prefix differs from API tokens' so no other route can take it for one.
/// </summary>
public sealed class ExportTokens(AshbridgeDatabase database, TimeProvider timeProvider)
{
    /// <summary>What every export token starts with.</summary>
    public const string Prefix = "abx_";

    /// <summary>Makes a token for <paramref name="exportId"/> acting as <paramref name="user"/>; returns it once with its record.</summary>
    /// <exception cref="ArgumentException">No name, or the user is disabled.</exception>
    public async Task<(string Token, ExportToken Record)> CreateAsync(long exportId, User user, string name, bool compensation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Give the token a name that says what pulls with it (e.g. 'Pigment nightly').", nameof(name));
        if (name.Trim().Length > 200) throw new ArgumentException("The token's name is longer than 200 characters.", nameof(name));
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = timeProvider.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var id = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "INSERT INTO export_tokens (export_id, user_id, name, token_hash, compensation, user_stamp, created_ms) "
            + "SELECT @exportId, id, @name, @hash, @compensation, security_stamp, @now FROM users WHERE id = @userId AND disabled_ms IS NULL RETURNING id",
            new { exportId, userId = user.Id, name = name.Trim(), hash = Hash(token), compensation, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (id is null) throw new ArgumentException($"{user.Email} is disabled or removed: a token for them would not work.", nameof(user));
        return (token, new ExportToken(id.Value, exportId, name.Trim(), user.Email, compensation, DateTimeOffset.FromUnixTimeMilliseconds(now), null, null));
    }

    /// <summary>Whom a presented export token speaks for; <see langword="null"/> when unknown, revoked, or its user disabled or changed.</summary>
    public async Task<ExportTokenIdentity?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200) return null;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<(long Id, string Name, long ExportId, long ConnectionId, bool Compensation, long UserId, string Email, string Role, long CreatedMs)>(new CommandDefinition(
            "SELECT t.id, t.name, t.export_id, e.connection_id, t.compensation, u.id, u.email, u.role, u.created_ms FROM export_tokens t "
            + "JOIN exports e ON e.id = t.export_id JOIN users u ON u.id = t.user_id "
            + "WHERE t.token_hash = @hash AND t.revoked_ms IS NULL AND u.disabled_ms IS NULL AND t.user_stamp = u.security_stamp",
            new { hash = Hash(token) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row.Id == 0) return null;
        var user = new User(row.UserId, row.Email, UserStore.ParseRole(row.Role), DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedMs), false);
        return new ExportTokenIdentity(row.Id, row.Name, row.ExportId, row.ConnectionId, user, row.Compensation && user.Role is UserRole.Admin or UserRole.Finance);
    }

    /// <summary>Notes a pull with the token.</summary>
    public async Task NoteUseAsync(long tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE export_tokens SET last_used_ms = @now WHERE id = @tokenId", new { tokenId, now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>An export's tokens, newest first.</summary>
    public async Task<IReadOnlyList<ExportToken>> ListAsync(long exportId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<(long Id, string Name, string Email, bool Compensation, long CreatedMs, long? LastUsedMs, long? RevokedMs)>(new CommandDefinition(
            "SELECT t.id, t.name, u.email, t.compensation, t.created_ms, t.last_used_ms, t.revoked_ms FROM export_tokens t JOIN users u ON u.id = t.user_id "
            + "WHERE t.export_id = @exportId ORDER BY t.id DESC", new { exportId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new ExportToken(
            r.Id, exportId, r.Name, r.Email, r.Compensation, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs),
            r.LastUsedMs is { } used ? DateTimeOffset.FromUnixTimeMilliseconds(used) : null, r.RevokedMs is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null))];
    }

    /// <summary>Revokes a token of an export; false when that export has no such live token.</summary>
    public async Task<bool> RevokeAsync(long exportId, long tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(new CommandDefinition(
            "UPDATE export_tokens SET revoked_ms = @now WHERE id = @tokenId AND export_id = @exportId AND revoked_ms IS NULL",
            new { exportId, tokenId, now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
