using System.Data.Common;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Access;

/// <summary>The audit log: sign-ins (and failed ones), tokens and users made or revoked, connections and keys changed, exports.</summary>
public sealed class AuditLog(AshbridgeDatabase database, TimeProvider timeProvider)
{
    private readonly TimeProvider _time = timeProvider;

    /// <summary>Appends an entry. Never pass a secret in <paramref name="detail"/>.</summary>
    public async Task WriteAsync(string actor, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(db, null, _time.GetUtcNow(), actor, action, target, detail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends an entry inside the caller's transaction, so the entry and the act it records commit together.</summary>
    public static Task WriteAsync(
        DbConnection db, DbTransaction? transaction, DateTimeOffset at, string actor, string action, string? target, string? detail, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at_ms, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)",
            new { at, actor, action, target, detail }, transaction, cancellationToken: cancellationToken));

    /// <summary>The latest entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail)>(new CommandDefinition(
            "SELECT id, at_ms, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditEntry(r.Id, r.At, r.Actor, r.Action, r.Target, r.Detail))];
    }
}
