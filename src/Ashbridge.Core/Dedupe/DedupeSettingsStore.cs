using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Dedupe;

/// <summary>The dedupe settings of each connection (<c>dedupe_settings</c>); a connection without a row has <see cref="DedupeSettings.Default"/>.</summary>
public sealed class DedupeSettingsStore(AshbridgeDatabase database, AuditLog audit, TimeProvider timeProvider)
{
    /// <summary>The connection's settings (the defaults when none were saved).</summary>
    public async Task<DedupeSettings> FindAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<SettingsRow>(new CommandDefinition(
            "SELECT default_region AS DefaultRegion, offer_confidential_jobs AS OfferConfidentialJobs FROM dedupe_settings WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? DedupeSettings.Default : new DedupeSettings(row.DefaultRegion, row.OfferConfidentialJobs);
    }

    /// <summary>Saves the connection's settings (the region upper-cased) and audits the change.</summary>
    /// <exception cref="ArgumentException">The region is not one libphonenumber knows.</exception>
    public async Task<DedupeSettings> SaveAsync(long connectionId, DedupeSettings settings, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!PhoneKey.IsKnownRegion(settings.DefaultRegion))
        {
            throw new ArgumentException($"'{settings.DefaultRegion}' is not a region code; use two letters such as US, GB or DE.", nameof(settings));
        }

        var saved = settings with { DefaultRegion = settings.DefaultRegion.ToUpperInvariant() };
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dedupe_settings (connection_id, default_region, offer_confidential_jobs, updated_ms) VALUES (@connectionId, @region, @offer, @now)
            ON CONFLICT (connection_id) DO UPDATE SET default_region = excluded.default_region, offer_confidential_jobs = excluded.offer_confidential_jobs, updated_ms = excluded.updated_ms
            """,
            new { connectionId, region = saved.DefaultRegion, offer = saved.OfferConfidentialJobs, now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await audit.WriteAsync(actor, "dedupe.settings", $"connection {connectionId}",
            $"default region {saved.DefaultRegion}, confidential jobs {(saved.OfferConfidentialJobs ? "offered" : "hidden")}", cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <summary>A row of <c>dedupe_settings</c>.</summary>
    private sealed class SettingsRow
    {
        public string DefaultRegion { get; init; } = PhoneKey.DefaultRegion;

        public bool OfferConfidentialJobs { get; init; }
    }
}
