using System.Security.Cryptography;
using System.Text;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Access;

/// <summary>
/// Bearer tokens for scripts: <c>abt_</c> and 43 random characters. Only the SHA-256 of a token is stored (a random
/// 256-bit secret needs no slow hash), so a stolen database yields no usable token; lookups are by that hash.
/// </summary>
public sealed class TokenStore(AshbridgeDatabase database, TimeProvider timeProvider)
{
    /// <summary>What every token starts with, so a leaked one is recognisable (and greppable).</summary>
    public const string Prefix = "abt_";

    private const string Columns =
        "t.id AS Id, t.user_id AS UserId, u.email AS UserEmail, t.name AS Name, t.connection_id AS ConnectionId, t.read_only AS ReadOnly, "
        + "t.created_ms AS CreatedAt, t.last_used_ms AS LastUsedAt, t.revoked_ms AS RevokedAt";

    private readonly TimeProvider _time = timeProvider;

    /// <summary>Creates a token for <paramref name="user"/>; returns it once with its record.</summary>
    public async Task<(string Token, ApiToken Record)> CreateAsync(User user, string name, long? connectionId, bool readOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Give the token a name that says what uses it.", nameof(name));
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = _time.NowAsStored();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var id = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "INSERT INTO api_tokens (user_id, name, token_hash, connection_id, read_only, created_ms, user_stamp) "
            + "SELECT id, @name, @hash, @connectionId, @readOnly, @now, security_stamp FROM users WHERE id = @userId AND disabled_ms IS NULL RETURNING id",
            new { userId = user.Id, name = name.Trim(), hash = Hash(token), connectionId, readOnly, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (id is null) throw new ArgumentException($"{user.Email} is disabled or removed: a token for them would not work.", nameof(user));
        return (token, new ApiToken(id.Value, user.Id, user.Email, name.Trim(), connectionId, readOnly, now, null, null));
    }

    /// <summary>
    /// Who a presented token speaks for, with their role as it is now; null when the token is unknown or revoked, its
    /// user is disabled, or the user's security stamp changed since it was made (a role change or password reset).
    /// Reads only: its use is noted in <paramref name="uses"/>, which writes it at most once a minute.
    /// </summary>
    public async Task<TokenIdentity?> ValidateAsync(string token, TokenUses? uses = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200) return null;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<(long Id, long? ConnectionId, bool ReadOnly, long UserId, string Email, string Role, DateTimeOffset Created)>(new CommandDefinition(
            "SELECT t.id, t.connection_id, t.read_only, u.id, u.email, u.role, u.created_ms FROM api_tokens t JOIN users u ON u.id = t.user_id "
            + "WHERE t.token_hash = @hash AND t.revoked_ms IS NULL AND u.disabled_ms IS NULL AND t.user_stamp = u.security_stamp",
            new { hash = Hash(token) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row.Id == 0) return null;
        uses?.Note(row.Id, _time.GetUtcNow());
        var user = new User(row.UserId, row.Email, UserStore.ParseRole(row.Role), row.Created, false);
        return new TokenIdentity(row.Id, user, row.ConnectionId, row.ReadOnly);
    }

    /// <summary>Writes the last use of every token noted since the last call, in one transaction.</summary>
    public async Task<int> RecordUsesAsync(TokenUses uses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var taken = uses.Take();
        if (taken.Count == 0) return 0;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (id, at) in taken)
        {
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE api_tokens SET last_used_ms = @at WHERE id = @id AND (last_used_ms IS NULL OR last_used_ms < @at)",
                new { id, at }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return taken.Count;
    }

    /// <summary>Every token, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id DESC", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToToken())];
    }

    /// <summary>Revokes a token; returns false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_ms = @now WHERE id = @id AND revoked_ms IS NULL",
            new { id, now = _time.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed class Row
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string UserEmail { get; set; } = "";
        public string Name { get; set; } = "";
        public long? ConnectionId { get; set; }
        public bool ReadOnly { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? LastUsedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }

        public ApiToken ToToken() => new(Id, UserId, UserEmail, Name, ConnectionId, ReadOnly, CreatedAt, LastUsedAt, RevokedAt);
    }
}
