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

    /// <summary>
    /// One page of the entries that match <paramref name="query"/>, newest first, with their total. The filtering and
    /// paging happen in the database, so a long log is never read whole.
    /// </summary>
    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (query.Actor is { } actor && !string.IsNullOrWhiteSpace(actor))
        {
            where.Add(@"LOWER(actor) LIKE @actor ESCAPE '\'");
            parameters.Add("actor", Contains(actor));
        }

        if (query.Action is { } action && !string.IsNullOrWhiteSpace(action))
        {
            where.Add("action = @action");
            parameters.Add("action", action.Trim());
        }

        if (query.Target is { } target && !string.IsNullOrWhiteSpace(target))
        {
            where.Add(@"LOWER(COALESCE(target, '')) LIKE @target ESCAPE '\'");
            parameters.Add("target", Contains(target));
        }

        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var total = await db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM audit_log" + filter, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var pages = Math.Max(1, (int)((total + size - 1) / size));
        var page = Math.Clamp(query.Page, 1, pages);
        parameters.Add("take", size);
        parameters.Add("skip", (page - 1) * size);
        var rows = await db.QueryAsync<(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail)>(new CommandDefinition(
            "SELECT id, at_ms, actor, action, target, detail FROM audit_log" + filter + " ORDER BY id DESC LIMIT @take OFFSET @skip", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new AuditPage([.. rows.Select(r => new AuditEntry(r.Id, r.At, r.Actor, r.Action, r.Target, r.Detail))], (int)total, page, size);
    }

    /// <summary>The actions the log holds, for a filter to offer.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return [.. await db.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT action FROM audit_log ORDER BY action", cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    /// <summary>A LIKE pattern for "contains", any case, with the user's own % and _ taken literally.</summary>
    private static string Contains(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
