using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.OpenRoles;

/// <summary>Reads and saves each connection's <see cref="OpenRoleSettings"/> (the defaults until an admin saves some).</summary>
public sealed class OpenRolePolicy(AshbridgeDatabase database, TimeProvider timeProvider)
{
    /// <summary>The connection's settings, or <see cref="OpenRoleSettings.Default"/>.</summary>
    public async Task<OpenRoleSettings> GetAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT include_confidential AS IncludeConfidential, public_feed AS PublicFeed, stale_after_minutes AS StaleAfterMinutes, notify_emails AS NotifyEmails FROM open_role_settings WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null
            ? OpenRoleSettings.Default
            : new(row.IncludeConfidential, row.PublicFeed, row.StaleAfterMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
                row.NotifyEmails is { Length: > 0 } emails ? emails.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []);
    }

    /// <summary>Saves the connection's settings.</summary>
    /// <exception cref="ArgumentException">A threshold under a minute, or an address that is not one.</exception>
    public async Task SaveAsync(long connectionId, OpenRoleSettings settings, string? savedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.StaleAfter is { TotalMinutes: < 1 }) throw new ArgumentException("The staleness threshold must be at least a minute.", nameof(settings));
        if (settings.NotifyEmails.FirstOrDefault(e => !System.Net.Mail.MailAddress.TryCreate(e, out _)) is { } bad)
            throw new ArgumentException($"\"{bad}\" is not an e-mail address.", nameof(settings));
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO open_role_settings (connection_id, include_confidential, public_feed, stale_after_minutes, notify_emails, updated_ms, updated_by)
            VALUES (@connectionId, @includeConfidential, @publicFeed, @staleAfter, @emails, @now, @savedBy)
            ON CONFLICT (connection_id) DO UPDATE SET include_confidential = excluded.include_confidential, public_feed = excluded.public_feed,
                stale_after_minutes = excluded.stale_after_minutes, notify_emails = excluded.notify_emails, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by
            """,
            new
            {
                connectionId, includeConfidential = settings.IncludeConfidential, publicFeed = settings.PublicFeed,
                staleAfter = settings.StaleAfter is { } after ? (int?)Math.Ceiling(after.TotalMinutes) : null,
                emails = string.Join('\n', settings.NotifyEmails), now = timeProvider.NowMs(), savedBy,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class Row
    {
        public bool IncludeConfidential { get; init; }
        public bool PublicFeed { get; init; }
        public int? StaleAfterMinutes { get; init; }
        public string? NotifyEmails { get; init; }
    }
}
