using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.OpenRoles;

/// <summary>
/// Keeps a connection's open roles in step with the mirror: after every pass that changed jobs, postings, openings or the
/// names they show (a webhook's pass included), and when asked (<see cref="OpenRoleImports"/>). Each import rebuilds the
/// roles from the mirror in one transaction: one role per published posting the policy allows, its description fetched
/// with <c>jobPosting.info</c> only when the posting is new or Ashby changed it. A role that leaves is closed, not deleted.
/// </summary>
public sealed partial class OpenRoleImporter(
    AshbridgeDatabase database, ConnectionStore connections, AshbyClientPool clients, OpenRolePolicy policy, TimeProvider timeProvider,
    IEnumerable<IOpenRoleImportObserver>? observers = null, ILogger<OpenRoleImporter>? logger = null) : IMirrorObserver
{
    /// <summary>The triggers an import records.</summary>
    public const string PassTrigger = "pass", WebhookTrigger = "webhook", ScheduleTrigger = "schedule", ManualTrigger = "manual";

    /// <summary>The streams open roles are built from.</summary>
    public static IReadOnlySet<string> SourceStreams { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MirrorStreams.Jobs.Name, MirrorStreams.JobPostings.Name, MirrorStreams.Openings.Name,
        MirrorStreams.Departments.Name, MirrorStreams.Locations.Name, MirrorStreams.Users.Name,
    };

    /// <summary>How many <c>jobPosting.info</c> calls an import makes at once (the client's own budget still applies).</summary>
    private const int DescriptionFetches = 4;

    private readonly IOpenRoleImportObserver[] _observers = observers?.ToArray() ?? [];
    private readonly ILogger _logger = logger ?? NullLogger<OpenRoleImporter>.Instance;
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _gates = new();

    /// <summary>Set while "Import now" runs its own pass: that pass's changes are counted by the import that follows it.</summary>
    private static readonly AsyncLocal<bool> Importing = new();

    /// <inheritdoc />
    public async Task MirrorChangedAsync(long connectionId, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (Importing.Value || !streams.Any(SourceStreams.Contains)) return;
        await ImportAsync(connectionId, await LastPassTriggerAsync(connectionId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rebuilds the connection's open roles from the mirror. A pass's or a webhook's import that changed nothing is not
    /// recorded (a burst of webhooks would bury the history); a scheduled or manual one always is, and so is a failure.
    /// </summary>
    /// <returns>What the import did; a failed import (Ashby refused a description, say) changed nothing and says why.</returns>
    public async Task<OpenRoleImportResult> ImportAsync(long connectionId, string trigger, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        var gate = _gates.GetOrAdd(connectionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        OpenRoleImportResult result;
        try
        {
            result = await RebuildAsync(connectionId, trigger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        if (result.Id != 0) await TellObserversAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs <paramref name="pass"/> without this observer following it (the caller imports right after).</summary>
    internal static async Task<T> WithoutFollowingAsync<T>(Func<Task<T>> pass)
    {
        Importing.Value = true;
        try
        {
            return await pass().ConfigureAwait(false);
        }
        finally
        {
            Importing.Value = false;
        }
    }

    /// <summary>Records an import that failed before the rebuild (its pass failed), and tells the observers.</summary>
    internal async Task<OpenRoleImportResult> RecordFailureAsync(long connectionId, string trigger, DateTimeOffset started, string error, CancellationToken cancellationToken)
    {
        ImportFailed(_logger, connectionId, error);
        OpenRoleImportResult result;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            result = await RecordAsync(db, null, connectionId, trigger, started, 0, 0, 0, error, cancellationToken).ConfigureAwait(false);
        }

        await TellObserversAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<OpenRoleImportResult> RebuildAsync(long connectionId, string trigger, CancellationToken cancellationToken)
    {
        var started = timeProvider.NowAsStored();
        var settings = await policy.GetAsync(connectionId, cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var sources = await OpenRoleSources.ReadAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
        var stored = (await db.QueryAsync<StoredRole>(new CommandDefinition(
            """
            SELECT posting_id AS PostingId, source_hash AS SourceHash, closed_ms AS ClosedMs, posting_updated_ms AS PostingUpdatedMs,
                   description_html AS DescriptionHtml, description_plain AS DescriptionPlain
            FROM open_roles WHERE connection_id = @connectionId
            """, new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(r => r.PostingId, StringComparer.Ordinal);

        // Which postings are open roles now: published, not deleted, and of a job the policy allows.
        var open = sources.Postings.Where(p => !p.Deleted && OpenRoleBuilder.IsPublished(p.Json)
            && (settings.IncludeConfidential || !OpenRoleBuilder.IsConfidential(OpenRoleBuilder.JobId(p.Json) is { } jobId && sources.Jobs.TryGetValue(jobId, out var job) ? job : null)))
            .ToList();

        // Descriptions first, before anything is written: a posting Ashby will not describe fails the whole import.
        var stale = open.Where(p => !stored.TryGetValue(p.Id, out var s) || s.DescriptionHtml is null || s.PostingUpdatedMs != p.UpdatedMs).ToList();
        Dictionary<string, (string? Html, string? Plain)> descriptions;
        try
        {
            descriptions = await FetchDescriptionsAsync(connectionId, stale, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenRoleImportException ex)
        {
            ImportFailed(_logger, connectionId, ex.Message);
            return await RecordAsync(db, null, connectionId, trigger, started, 0, 0, 0, ex.Message, cancellationToken).ConfigureAwait(false);
        }

        var now = timeProvider.NowMs();
        int added = 0, changed = 0, closed = 0;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var openIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var posting in open)
        {
            openIds.Add(posting.Id);
            stored.TryGetValue(posting.Id, out var existing);
            var (html, plain) = descriptions.TryGetValue(posting.Id, out var fetched) ? fetched : (existing?.DescriptionHtml, existing?.DescriptionPlain);
            var role = OpenRoleBuilder.Build(connectionId, posting, sources, html, plain);
            var hash = OpenRoleBuilder.Hash(role);
            if (existing is null) added++;
            else if (existing.ClosedMs is not null) added++; // re-published: open again
            else if (existing.SourceHash != hash) changed++;
            else continue;
            await UpsertAsync(db, transaction, role, hash, posting.UpdatedMs, now, cancellationToken).ConfigureAwait(false);
        }

        // Every role open before and not open now leaves: unpublished, deleted, or of a job the policy now hides.
        var byId = sources.Postings.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var leaving in stored.Values.Where(s => s.ClosedMs is null && !openIds.Contains(s.PostingId)))
        {
            var state = !byId.TryGetValue(leaving.PostingId, out var posting) || posting.Deleted ? "Deleted"
                : OpenRoleBuilder.IsPublished(posting.Json) ? "Published" : "Unpublished";
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE open_roles SET closed_ms = @now, updated_ms = @now, posting_state = @state WHERE connection_id = @connectionId AND posting_id = @postingId",
                new { now, state, connectionId, postingId = leaving.PostingId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            closed++;
        }

        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO open_role_refreshes (connection_id, refreshed_ms) VALUES (@connectionId, @now)
            ON CONFLICT (connection_id) DO UPDATE SET refreshed_ms = excluded.refreshed_ms
            """, new { connectionId, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var record = added + changed + closed > 0 || trigger is ManualTrigger or ScheduleTrigger;
        var result = record
            ? await RecordAsync(db, transaction, connectionId, trigger, started, added, changed, closed, null, cancellationToken).ConfigureAwait(false)
            : new OpenRoleImportResult(0, connectionId, trigger, started, timeProvider.NowAsStored(), 0, 0, 0, null);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<Dictionary<string, (string? Html, string? Plain)>> FetchDescriptionsAsync(
        long connectionId, List<OpenRoleSources.PostingRow> postings, CancellationToken cancellationToken)
    {
        var descriptions = new ConcurrentDictionary<string, (string? Html, string? Plain)>(StringComparer.Ordinal);
        if (postings.Count == 0) return new(descriptions);
        var connection = await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new OpenRoleImportException($"There is no connection with id {connectionId}.");
        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(postings, new ParallelOptions { MaxDegreeOfParallelism = DescriptionFetches, CancellationToken = cancellationToken }, async (posting, ct) =>
        {
            try
            {
                var info = await client.JobPostings.InfoAsync(new JobPostingInfoRequest { JobPostingId = posting.Id }, cancellationToken: ct).ConfigureAwait(false);
                descriptions[posting.Id] = (info.DescriptionHtml, info.DescriptionPlain);
            }
            catch (AshbyApiException ex)
            {
                throw new OpenRoleImportException($"Ashby did not describe posting {posting.Id} (jobPosting.info): {ex.Message} Nothing was changed; the next import tries again.", ex);
            }
        }).ConfigureAwait(false);
        return new(descriptions);
    }

    private static Task<int> UpsertAsync(DbConnection db, DbTransaction transaction, OpenRole role, string hash, long? postingUpdatedMs, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO open_roles (connection_id, posting_id, job_id, title, description_html, description_plain, department_id, department_name, location_name,
                posting_state, is_listed, is_confidential, posted_ms, posting_url, apply_url, employment_type, job_status, hiring_manager_user_id, hiring_manager_name,
                hiring_manager_email, hiring_team_json, openings_json, open_openings, opening_state, target_hire_date, target_start_date, is_backfill, source_hash,
                first_seen_ms, updated_ms, closed_ms, posting_updated_ms)
            VALUES (@ConnectionId, @PostingId, @JobId, @Title, @DescriptionHtml, @DescriptionPlain, @DepartmentId, @DepartmentName, @LocationName,
                @PostingState, @IsListed, @IsConfidential, @PostedMs, @PostingUrl, @ApplyUrl, @EmploymentType, @JobStatus, @ManagerId, @ManagerName,
                @ManagerEmail, @TeamJson, @OpeningsJson, @OpenOpenings, @OpeningState, @TargetHireDate, @TargetStartDate, @IsBackfill, @hash,
                @now, @now, NULL, @postingUpdatedMs)
            ON CONFLICT (connection_id, posting_id) DO UPDATE SET job_id = excluded.job_id, title = excluded.title, description_html = excluded.description_html,
                description_plain = excluded.description_plain, department_id = excluded.department_id, department_name = excluded.department_name,
                location_name = excluded.location_name, posting_state = excluded.posting_state, is_listed = excluded.is_listed, is_confidential = excluded.is_confidential,
                posted_ms = excluded.posted_ms, posting_url = excluded.posting_url, apply_url = excluded.apply_url, employment_type = excluded.employment_type,
                job_status = excluded.job_status, hiring_manager_user_id = excluded.hiring_manager_user_id, hiring_manager_name = excluded.hiring_manager_name,
                hiring_manager_email = excluded.hiring_manager_email, hiring_team_json = excluded.hiring_team_json, openings_json = excluded.openings_json,
                open_openings = excluded.open_openings, opening_state = excluded.opening_state, target_hire_date = excluded.target_hire_date,
                target_start_date = excluded.target_start_date, is_backfill = excluded.is_backfill, source_hash = excluded.source_hash,
                updated_ms = excluded.updated_ms, closed_ms = NULL, posting_updated_ms = excluded.posting_updated_ms
            """,
            new
            {
                role.ConnectionId, role.PostingId, role.JobId, role.Title, role.DescriptionHtml, role.DescriptionPlain, role.DepartmentId, role.DepartmentName,
                role.LocationName, role.PostingState, role.IsListed, role.IsConfidential, PostedMs = role.PostedAt?.ToUnixTimeMilliseconds(), role.PostingUrl,
                role.ApplyUrl, role.EmploymentType, role.JobStatus, ManagerId = role.HiringManager?.UserId, ManagerName = role.HiringManager?.Name,
                ManagerEmail = role.HiringManager?.Email, TeamJson = JsonSerializer.Serialize(role.HiringTeam, OpenRoleCatalog.JsonOptions),
                OpeningsJson = JsonSerializer.Serialize(role.Openings, OpenRoleCatalog.JsonOptions), role.OpenOpenings, role.OpeningState,
                role.TargetHireDate, role.TargetStartDate, role.IsBackfill, hash, now, postingUpdatedMs,
            }, transaction, cancellationToken: cancellationToken));

    private async Task<OpenRoleImportResult> RecordAsync(
        DbConnection db, DbTransaction? transaction, long connectionId, string trigger, DateTimeOffset started, int added, int changed, int closed, string? error,
        CancellationToken cancellationToken)
    {
        var finished = timeProvider.NowAsStored();
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO open_role_imports (connection_id, trigger, started_ms, finished_ms, state, new_count, changed_count, closed_count, error)
            VALUES (@connectionId, @trigger, @started, @finished, @state, @added, @changed, @closed, @error) RETURNING id
            """,
            new
            {
                connectionId, trigger, started = started.ToUnixTimeMilliseconds(), finished = finished.ToUnixTimeMilliseconds(),
                state = error is null ? "succeeded" : "failed", added, changed, closed, error = error is { Length: > 4000 } ? error[..4000] : error,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new OpenRoleImportResult(id, connectionId, trigger, started, finished, added, changed, closed, error);
    }

    /// <summary>The pass that just ran came from a webhook or not (the engine tells observers only the streams).</summary>
    private async Task<string> LastPassTriggerAsync(long connectionId, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var trigger = await db.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT trigger FROM sync_runs WHERE connection_id = @connectionId ORDER BY id DESC LIMIT 1", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return trigger == WebhookTrigger ? WebhookTrigger : PassTrigger;
    }

    private async Task TellObserversAsync(OpenRoleImportResult result, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.ImportFinishedAsync(result, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ObserverFailed(_logger, observer.GetType().Name, result.ConnectionId, ex);
            }
        }
    }

    private sealed class StoredRole
    {
        public string PostingId { get; init; } = "";
        public string SourceHash { get; init; } = "";
        public long? ClosedMs { get; init; }
        public long? PostingUpdatedMs { get; init; }
        public string? DescriptionHtml { get; init; }
        public string? DescriptionPlain { get; init; }
    }

    [LoggerMessage(1, LogLevel.Warning, "The import of open roles of connection {ConnectionId} failed: {Reason}")]
    private static partial void ImportFailed(ILogger logger, long connectionId, string reason);

    [LoggerMessage(2, LogLevel.Error, "{Observer} could not take the import of open roles of connection {ConnectionId}")]
    private static partial void ObserverFailed(ILogger logger, string observer, long connectionId, Exception exception);
}
