using System.Data.Common;
using System.Text.Json;
using Ashbridge.Core.Access;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;

namespace Ashbridge.Core.NewHires;

/// <summary>
/// Keeps the new-hire queue in step with the mirror. After every pass (whether a webhook, the schedule or "sync now"
/// brought the hire) it queues each hired application not queued yet — one row per application, so a hire that
/// arrives twice is queued once — and re-maps the pending ones whose application, candidate, job or offers changed,
/// recording what changed for the reviewer. A deleted new hire stays deleted until Ashby un-hires and re-hires.
/// </summary>
public sealed class NewHireImporter(AshbridgeDatabase database, TimeProvider timeProvider) : IMirrorObserver
{
    /// <summary>By default hires last updated more than this before the queue first ran are history, not new hires.</summary>
    public static readonly TimeSpan DefaultLookBack = TimeSpan.FromDays(90);

    private static readonly HashSet<string> SourceStreams = new(StringComparer.Ordinal)
    {
        MirrorStreams.Applications.Name, MirrorStreams.Candidates.Name, MirrorStreams.Jobs.Name, MirrorStreams.Offers.Name,
        MirrorStreams.Departments.Name, MirrorStreams.Locations.Name,
    };

    /// <summary>Rows the watermark steps back, so a row stamped in the same millisecond as the last refresh is looked at again.</summary>
    private const long WatermarkMarginMs = 2_000;

    private const int BatchSize = 200;
    private readonly TimeProvider _time = timeProvider;

    /// <inheritdoc />
    public async Task MirrorChangedAsync(long connectionId, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Any(SourceStreams.Contains)) await RefreshAsync(connectionId, everything: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection's mapping (the defaults until an admin saves one).</summary>
    public async Task<(NewHireSettings Settings, DateTimeOffset ImportFrom)> GetSettingsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await EnsureSettingsAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
        return (row.Settings, row.ImportFrom);
    }

    /// <summary>Sets where the queue starts for a connection that has no settings yet (the demo queues every hire); later calls change nothing.</summary>
    public async Task InitializeAsync(long connectionId, DateTimeOffset importFrom, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO new_hire_settings (connection_id, settings_json, import_from_ms, refreshed_ms, updated_ms) VALUES (@connectionId, @json, @from, 0, @now)
            ON CONFLICT (connection_id) DO NOTHING
            """, new { connectionId, json = NewHireSettings.Default.ToJson(), from = importFrom, now = _time.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Saves the mapping and re-maps every pending new hire with it.</summary>
    /// <exception cref="NewHireSettingsException">The settings are invalid; the message lists why.</exception>
    public async Task SaveSettingsAsync(long connectionId, NewHireSettings settings, DateTimeOffset? importFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is { Count: > 0 } problems) throw new NewHireSettingsException(string.Join(" ", problems));
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var current = await EnsureSettingsAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE new_hire_settings SET settings_json = @json, import_from_ms = @from, updated_ms = @now WHERE connection_id = @connectionId",
                new { json = settings.ToJson(), from = importFrom ?? current.ImportFrom, now = _time.NowMs(), connectionId },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        // Re-mapped by a new mapping, not changed by Ashby: nothing to show the reviewer as changed.
        await RefreshAsync(connectionId, everything: true, ashbyChanged: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the queue up to date with the mirror; <paramref name="everything"/> re-reads every hire, not only the changed ones.</summary>
    /// <returns>How many new hires were queued.</returns>
    public Task<int> RefreshAsync(long connectionId, bool everything = false, CancellationToken cancellationToken = default) =>
        RefreshAsync(connectionId, everything, ashbyChanged: true, cancellationToken);

    private async Task<int> RefreshAsync(long connectionId, bool everything, bool ashbyChanged, CancellationToken cancellationToken)
    {
        var started = _time.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var settings = await EnsureSettingsAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
        everything |= settings.RefreshedMs == 0;
        var since = everything ? -1 : settings.RefreshedMs - WatermarkMarginMs;
        var args = new { connectionId, since, all = everything ? 1 : 0, from = settings.ImportFrom };

        await WithdrawUnhiredAsync(db, args, cancellationToken).ConfigureAwait(false);

        var fresh = (await db.QueryAsync<string>(new CommandDefinition(
            """
            SELECT a.id FROM mirror_applications a
            WHERE a.connection_id = @connectionId AND a.status = 'Hired' AND a.deleted_ms IS NULL AND a.last_seen_ms > @since
              AND COALESCE(a.ashby_updated_ms, a.first_seen_ms) >= @from
              AND NOT EXISTS (SELECT 1 FROM new_hires n WHERE n.connection_id = a.connection_id AND n.application_id = a.id)
            """, args, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

        var touched = (await db.QueryAsync<(string ApplicationId, string ImportedJson, string? ChangesJson)>(new CommandDefinition(
            """
            SELECT n.application_id, n.imported_json, n.changes_json FROM new_hires n
            WHERE n.connection_id = @connectionId AND n.state = 'pending' AND (@all = 1
               OR EXISTS (SELECT 1 FROM mirror_applications a WHERE a.connection_id = n.connection_id AND a.id = n.application_id AND a.last_seen_ms > @since)
               OR EXISTS (SELECT 1 FROM mirror_offers o WHERE o.connection_id = n.connection_id AND o.application_id = n.application_id AND (o.last_seen_ms > @since OR o.deleted_ms > @since))
               OR EXISTS (SELECT 1 FROM mirror_candidates c WHERE c.connection_id = n.connection_id AND c.id = n.candidate_id AND c.last_seen_ms > @since)
               OR EXISTS (SELECT 1 FROM mirror_applications a JOIN mirror_jobs j ON j.connection_id = a.connection_id AND j.id = a.job_id
                          WHERE a.connection_id = n.connection_id AND a.id = n.application_id AND j.last_seen_ms > @since))
            """, args, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(r => r.ApplicationId, r => r, StringComparer.Ordinal);

        var queued = 0;
        if (fresh.Count > 0 || touched.Count > 0)
        {
            var reference = await ReferenceNames.ReadAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
            foreach (var batch in fresh.Concat(touched.Keys).Chunk(BatchSize))
            {
                var sources = await HireSourceReader.ReadAsync(db, connectionId, batch, reference, cancellationToken).ConfigureAwait(false);
                await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (applicationId, (candidateId, hire)) in sources)
                {
                    var imported = NewHireMapper.Map(hire, settings.Settings);
                    if (touched.TryGetValue(applicationId, out var existing)) await UpdateAsync(db, transaction, connectionId, applicationId, candidateId, existing, imported, ashbyChanged, cancellationToken).ConfigureAwait(false);
                    else queued += await InsertAsync(db, transaction, connectionId, applicationId, candidateId, imported, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE new_hire_settings SET refreshed_ms = @started WHERE connection_id = @connectionId", new { started, connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return queued;
    }

    private async Task<int> InsertAsync(DbConnection db, DbTransaction transaction, long connectionId, string applicationId, string? candidateId, ImportedHire imported, CancellationToken cancellationToken)
    {
        var now = _time.NowMs();
        return await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO new_hires (connection_id, application_id, candidate_id, state, imported_json, overrides_json, changes_json, created_ms, updated_ms)
            VALUES (@connectionId, @applicationId, @candidateId, 'pending', @imported, '{}', NULL, @now, @now)
            ON CONFLICT (connection_id, application_id) DO NOTHING
            """, new { connectionId, applicationId, candidateId, imported = imported.ToJson(), now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task UpdateAsync(
        DbConnection db, DbTransaction transaction, long connectionId, string applicationId, string? candidateId,
        (string ApplicationId, string ImportedJson, string? ChangesJson) existing, ImportedHire imported, bool ashbyChanged, CancellationToken cancellationToken)
    {
        var before = ImportedHire.FromJson(existing.ImportedJson);
        var recorded = NewHireChanges.Read(existing.ChangesJson);
        var changes = ashbyChanged
            ? NewHireChanges.Merge(recorded, before.Values, imported.Values, _time.GetUtcNow())
            : [.. recorded.Where(c => imported.Values.ContainsKey(c.Field) || before.Values.ContainsKey(c.Field) && c.After is null)];
        var json = imported.ToJson();
        if (json == existing.ImportedJson) return;
        await db.ExecuteAsync(new CommandDefinition(
            """
            UPDATE new_hires SET imported_json = @json, changes_json = @changes, candidate_id = @candidateId, updated_ms = @now
            WHERE connection_id = @connectionId AND application_id = @applicationId AND state = 'pending'
            """, new { json, changes = NewHireChanges.Write(changes), candidateId, now = _time.NowMs(), connectionId, applicationId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The actor of what Ashby did, in the audit log.</summary>
    public const string AshbyActor = "ashby";

    /// <summary>
    /// Un-hired in Ashby (moved out of Hired, or deleted): a pending new hire leaves the queue, audited with the
    /// reviewer's edits it takes with it; a deleted one is released, so a re-hire queues it again.
    /// </summary>
    private async Task WithdrawUnhiredAsync(DbConnection db, object args, CancellationToken cancellationToken)
    {
        const string Unhired =
            """
            FROM new_hires n JOIN mirror_applications a ON a.connection_id = n.connection_id AND a.id = n.application_id
            WHERE n.connection_id = @connectionId AND n.state IN ('pending', 'deleted') AND a.last_seen_ms > @since AND (a.status <> 'Hired' OR a.deleted_ms IS NOT NULL)
            """;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var withdrawn = await db.QueryAsync<(long ConnectionId, string ApplicationId, string ImportedJson, string OverridesJson, string? Status, long? DeletedMs)>(new CommandDefinition(
            $"SELECT n.connection_id, n.application_id, n.imported_json, COALESCE(n.overrides_json, '{{}}'), a.status, a.deleted_ms {Unhired} AND n.state = 'pending'",
            args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var w in withdrawn)
        {
            var values = new Dictionary<string, string>(ImportedHire.FromJson(w.ImportedJson).Values, StringComparer.Ordinal);
            var edits = JsonSerializer.Deserialize<Dictionary<string, string>>(w.OverridesJson) ?? new Dictionary<string, string>();
            foreach (var (key, value) in edits) values[key] = value;
            var name = string.Join(' ', new[] { values.GetValueOrDefault(NewHireFields.FirstName), values.GetValueOrDefault(NewHireFields.LastName) }.OfType<string>());
            var detail = $"{(name.Length > 0 ? name : w.ApplicationId)}: {(w.DeletedMs is null ? $"the application is {w.Status} in Ashby, no longer Hired" : "the application was deleted in Ashby")}; "
                + (edits.Count == 0 ? "no review edits were lost." : $"the reviewer's edits to {string.Join(", ", edits.Keys.Order(StringComparer.Ordinal))} went with it.");
            await AuditLog.WriteAsync(db, transaction, _time.GetUtcNow(), AshbyActor, "new-hire.withdrawn", $"{w.ConnectionId}/{w.ApplicationId}", detail, cancellationToken).ConfigureAwait(false);
        }

        await db.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM new_hires WHERE connection_id = @connectionId AND application_id IN (SELECT n.application_id {Unhired})",
            args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record SettingsRow(NewHireSettings Settings, DateTimeOffset ImportFrom, long RefreshedMs);

    private async Task<SettingsRow> EnsureSettingsAsync(DbConnection db, long connectionId, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<(string Json, DateTimeOffset From, long Refreshed)?>(new CommandDefinition(
            "SELECT settings_json, import_from_ms, refreshed_ms FROM new_hire_settings WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is { } r) return new SettingsRow(NewHireSettings.FromJson(r.Json), r.From, r.Refreshed);

        var now = _time.NowAsStored();
        var from = now - DefaultLookBack; // as stored, so the first read equals every later one
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO new_hire_settings (connection_id, settings_json, import_from_ms, refreshed_ms, updated_ms) VALUES (@connectionId, @json, @from, @refreshed, @now)
            ON CONFLICT (connection_id) DO NOTHING
            """, new { connectionId, json = NewHireSettings.Default.ToJson(), from, refreshed = 0L, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new SettingsRow(NewHireSettings.Default, from, 0);
    }

}
