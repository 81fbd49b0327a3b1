using System.Data.Common;
using System.Diagnostics;
using Ashbridge.Core.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// Runs a batch: its rows through <see cref="ProspectWrites"/> (the connection's shared client, so its request budget),
/// a few at once and each person's rows in file order, each row's state stored before (started) and after (done, with
/// its outcome) the write. A crash leaves at most <see cref="RowsInFlight"/> rows started; the next run does them again safely: an upload whose email Ashby already has is that
/// candidate (<see cref="ProspectWriteRefusalKind.AlreadyInAshby"/>), then applied to the row's job. One process runs a
/// batch at a time: it holds a lease, renewed as it goes; a lease whose process is gone (on this machine) or which
/// expired is taken over.
/// </summary>
public sealed partial class DedupeBatchRunner(AshbridgeDatabase database, DedupeBatches batches, ProspectWrites writes, TimeProvider time, ILogger<DedupeBatchRunner> logger)
{
    /// <summary>How long a run's claim holds without renewal.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>Rows written at once: the shared client's requests in flight, so the key's budget is used and not exceeded.</summary>
    public const int RowsInFlight = Connections.AshbyClientPool.RequestsInFlightPerKey;

    /// <summary>This process, as a lease names its holder.</summary>
    public static string ThisProcess { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs (or resumes) the batch until every row is done, it is stopped, or <paramref name="cancellationToken"/> fires (then it is left stopped, resumable).</summary>
    public async Task<DedupeBatchRunResult> RunAsync(long batchId, IProgress<DedupeBatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var batch = await batches.FindAsync(batchId, cancellationToken).ConfigureAwait(false) ?? throw new DedupeBatchException($"There is no batch {batchId}.");
        if (batch.State == DedupeBatchState.Finished) return new DedupeBatchRunResult(batch.State, null);
        if (!await ClaimAsync(batchId, cancellationToken).ConfigureAwait(false)) return new DedupeBatchRunResult(DedupeBatchState.Running, "Another process is running this batch.", AlreadyRunning: true);

        try
        {
            var choices = await writes.ChoicesAsync(batch.ConnectionId, CancellationToken.None).ConfigureAwait(false);
            if (choices.MissingPermissions.Count > 0)
            {
                return await StopAsync(batchId, DedupeBatchStop.PermissionMissing, $"The connection's key lacks {string.Join(", ", choices.MissingPermissions)}; enable it in Ashby Admin › API keys and run the batch again.").ConfigureAwait(false);
            }

            var mapping = new BatchMapping(batch.Mapping);
            var done = batch.DoneRows;
            var renewed = time.GetUtcNow();
            var gate = new SemaphoreSlim(1, 1); // one lease renewal and one progress report at a time
            var unreachable = false;
            var takenOver = false;
            while (!unreachable && !takenOver)
            {
                var page = await PendingAsync(batchId, cancellationToken).ConfigureAwait(false);
                if (page.Count == 0) break;

                // Rows run side by side, up to the key's requests in flight (the shared client queues the rest), but the
                // rows of one person (one identity, or merges into one candidate) run one after another in file order, so
                // the live "already in Ashby" check before a create is never raced by a row of the same person.
                var rows = page.Select(record => (Row: record.ToRow(), Prospect: BatchProspect.Read(batch.ConnectionId, batch.Headers, mapping, record.ToFileRow(), choices)));
                var groups = rows.GroupBy(r => r.Row.MergeInto is { } into && r.Row.EffectiveAction == BatchAction.Merge ? "merge:" + into : "person:" + r.Prospect.Identity, StringComparer.Ordinal);
                await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = RowsInFlight, CancellationToken = cancellationToken }, async (group, ct) =>
                {
                    foreach (var (row, prospect) in group)
                    {
                        if (Volatile.Read(ref unreachable) || Volatile.Read(ref takenOver)) return;
                        if (time.GetUtcNow() - renewed > Lease / 6)
                        {
                            await gate.WaitAsync(ct).ConfigureAwait(false);
                            try
                            {
                                if (time.GetUtcNow() - renewed > Lease / 6)
                                {
                                    if (!await RenewAsync(batchId, ct).ConfigureAwait(false))
                                    {
                                        Volatile.Write(ref takenOver, true);
                                        return;
                                    }

                                    renewed = time.GetUtcNow();
                                }
                            }
                            finally
                            {
                                gate.Release();
                            }
                        }

                        var result = await RunRowAsync(batch, row, prospect, ct).ConfigureAwait(false);
                        if (result is null)
                        {
                            Volatile.Write(ref unreachable, true);
                            return;
                        }

                        await gate.WaitAsync(ct).ConfigureAwait(false);
                        try
                        {
                            progress?.Report(new DedupeBatchProgress(++done, batch.TotalRows, row.Number, result));
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }
                }).ConfigureAwait(false);
            }

            if (takenOver) return new DedupeBatchRunResult(DedupeBatchState.Running, "Another process took the batch over.", AlreadyRunning: true);
            if (unreachable) return await StopAsync(batchId, DedupeBatchStop.AshbyUnreachable, "Ashby could not be reached; nothing was written for the rows it stopped at. Run the batch again to resume.").ConfigureAwait(false);

            await using var db = await database.ConnectAsync(CancellationToken.None).ConfigureAwait(false);
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE dedupe_batches SET state = @finished, finished_ms = @now, runner = NULL, lease_ms = NULL, error = NULL WHERE id = @batchId AND runner = @me",
                new { batchId, finished = DedupeBatchState.Finished, now = time.NowMs(), me = ThisProcess }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
            return new DedupeBatchRunResult(DedupeBatchState.Finished, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await StopAsync(batchId, DedupeBatchStop.Interrupted, "Interrupted; run the batch again to resume where it stopped.").ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RunFailed(logger, ex, batchId);
            return await StopAsync(batchId, DedupeBatchStop.Failed, "The run stopped on an unexpected error; run the batch again to resume where it stopped.").ConfigureAwait(false);
        }
    }

    /// <summary>Runs one row; its outcome, or null when Ashby could not be reached (nothing written, the row left to resume).</summary>
    private async Task<string?> RunRowAsync(DedupeBatch batch, DedupeBatchRow row, BatchProspect prospect, CancellationToken cancellationToken)
    {
        var action = row.EffectiveAction;
        switch (action)
        {
            case BatchAction.Invalid:
                return await DoneAsync(batch, row, BatchOutcome.Invalid, null, null, string.Join("; ", row.Plan.Reasons), null).ConfigureAwait(false);
            case BatchAction.Person:
                return await DoneAsync(batch, row, BatchOutcome.Held, null, null, "needs a person: pick create, merge or skip for this row, then run the batch again", null).ConfigureAwait(false);
            case BatchAction.Skip:
                return await DoneAsync(batch, row, BatchOutcome.Skipped, row.Plan.CandidateId, null, row.Decision is null ? string.Join("; ", row.Plan.Reasons) : "skipped by a person", null).ConfigureAwait(false);
        }

        // Written by another batch (or run) since this one was planned: nothing to do again.
        if (await WrittenAsync(batch.ConnectionId, prospect.RowKey, cancellationToken).ConfigureAwait(false) is { } written && row.State != BatchRowState.Started)
        {
            return await DoneAsync(batch, row, BatchOutcome.Skipped, written, null, $"already uploaded as candidate {written}", null).ConfigureAwait(false);
        }

        var resumed = row.State == BatchRowState.Started;
        if (!resumed) await MarkStartedAsync(batch.Id, row.Number, cancellationToken).ConfigureAwait(false);
        var p = prospect;
        ProspectWriteOutcome outcome;
        string? already = null;
        if (action == BatchAction.Create)
        {
            outcome = await writes.UploadAsync(batch.ConnectionId, new ProspectUpload(p.Prospect, p.JobId, p.SourceId, null, p.TagIds.Count == 0 ? null : p.TagIds, batch.CreatedBy), cancellationToken).ConfigureAwait(false);
            if (outcome.Refusal is { Kind: ProspectWriteRefusalKind.AlreadyInAshby, CandidateId: { } existing })
            {
                // Created by this row before a crash (it was started), or by someone else since the mirror was read.
                already = existing;
                outcome = p.JobId is null && p.TagIds.Count == 0
                    ? new ProspectWriteOutcome(existing, null, [], null)
                    : await writes.MergeAsync(batch.ConnectionId, new ProspectMerge(existing, p.Prospect, p.JobId, p.TagIds.Count == 0 ? null : p.TagIds, batch.CreatedBy), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            outcome = await writes.MergeAsync(batch.ConnectionId, new ProspectMerge(row.MergeInto!, p.Prospect, p.JobId, p.TagIds.Count == 0 ? null : p.TagIds, batch.CreatedBy), cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Refusal is { Kind: ProspectWriteRefusalKind.AshbyUnreachable })
        {
            if (!resumed) await MarkPlannedAsync(batch.Id, row.Number).ConfigureAwait(false);
            return null;
        }

        if (!outcome.Succeeded)
        {
            return await DoneAsync(batch, row, BatchOutcome.Failed, already, null, $"{outcome.Refusal.Title} {outcome.Refusal.Detail}".Trim(), null).ConfigureAwait(false);
        }

        var result = action == BatchAction.Create && (already is null || resumed) ? BatchOutcome.Created : BatchOutcome.Merged;
        var detail = string.Join("; ", already is not null && !resumed ? [$"Ashby already had this email as candidate {already}", .. outcome.Changes] : outcome.Changes);
        return await DoneAsync(batch, row, result, outcome.CandidateId, outcome.ApplicationId, detail, prospect.RowKey).ConfigureAwait(false);
    }

    private async Task<bool> ClaimAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var current = await db.QuerySingleAsync<(string State, string? Runner, long? LeaseMs)>(new CommandDefinition(
            "SELECT state, runner, lease_ms FROM dedupe_batches WHERE id = @batchId", new { batchId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var now = time.NowMs();
        var held = current.State == DedupeBatchState.Running && current.Runner is { } r && r != ThisProcess && current.LeaseMs > now && !IsGone(r);
        if (held) return false;
        var claimed = await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batches SET state = @running, runner = @me, lease_ms = @lease, started_ms = COALESCE(started_ms, @now), error = NULL "
            + "WHERE id = @batchId AND state = @state AND " + (current.Runner is null ? "runner IS NULL" : "runner = @runner"),
            new { batchId, running = DedupeBatchState.Running, me = ThisProcess, lease = now + (long)Lease.TotalMilliseconds, now, state = current.State, runner = current.Runner },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return claimed == 1;
    }

    /// <summary>Whether the process named in a lease was on this machine and is gone (a crash); another machine's lease waits for its expiry.</summary>
    private static bool IsGone(string runner)
    {
        var parts = runner.Split(':');
        if (parts.Length != 2 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid)) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private async Task<bool> RenewAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batches SET lease_ms = @lease WHERE id = @batchId AND runner = @me",
            new { batchId, me = ThisProcess, lease = time.NowMs() + (long)Lease.TotalMilliseconds }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private async Task<DedupeBatchRunResult> StopAsync(long batchId, DedupeBatchStop stop, string error)
    {
        await using var db = await database.ConnectAsync(CancellationToken.None).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batches SET state = @stopped, runner = NULL, lease_ms = NULL, error = @error WHERE id = @batchId AND runner = @me",
            new { batchId, stopped = DedupeBatchState.Stopped, error, me = ThisProcess })).ConfigureAwait(false);
        return new DedupeBatchRunResult(DedupeBatchState.Stopped, error, Stop: stop);
    }

    private async Task<List<DedupeBatches.RowRecord>> PendingAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return [.. await db.QueryAsync<DedupeBatches.RowRecord>(new CommandDefinition(
            $"SELECT {DedupeBatches.RowColumns} FROM dedupe_batch_rows WHERE batch_id = @batchId AND state <> @done ORDER BY row_number LIMIT 200",
            new { batchId, done = BatchRowState.Done }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    private async Task<string?> WrittenAsync(long connectionId, string rowKey, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT candidate_id FROM dedupe_batch_keys WHERE connection_id = @connectionId AND row_key = @rowKey", new { connectionId, rowKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task MarkStartedAsync(long batchId, int rowNumber, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batch_rows SET state = @started, updated_ms = @now WHERE batch_id = @batchId AND row_number = @rowNumber",
            new { batchId, rowNumber, started = BatchRowState.Started, now = time.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task MarkPlannedAsync(long batchId, int rowNumber)
    {
        await using var db = await database.ConnectAsync(CancellationToken.None).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batch_rows SET state = @planned, updated_ms = @now WHERE batch_id = @batchId AND row_number = @rowNumber",
            new { batchId, rowNumber, planned = BatchRowState.Planned, now = time.NowMs() })).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores the row's outcome and, when it wrote a candidate, its key (a later batch skips the row) in one
    /// transaction, whatever the caller's cancellation: the write in Ashby has happened.
    /// </summary>
    private async Task<string> DoneAsync(DedupeBatch batch, DedupeBatchRow row, string outcome, string? candidateId, string? applicationId, string detail, string? rowKey)
    {
        var now = time.NowMs();
        await using var db = await database.ConnectAsync(CancellationToken.None).ConfigureAwait(false);
        await using DbTransaction transaction = await db.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batch_rows SET state = @done, outcome = @outcome, candidate_id = @candidateId, application_id = @applicationId, detail = @detail, updated_ms = @now "
            + "WHERE batch_id = @batchId AND row_number = @rowNumber",
            new { batchId = batch.Id, rowNumber = row.Number, done = BatchRowState.Done, outcome, candidateId, applicationId, detail = detail.Length > 4000 ? detail[..4000] : detail, now },
            transaction)).ConfigureAwait(false);
        if (rowKey is not null && candidateId is not null)
        {
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO dedupe_batch_keys (connection_id, row_key, candidate_id, batch_id, row_number, written_ms) "
                + "SELECT @connectionId, @rowKey, @candidateId, @batchId, @rowNumber, @now WHERE NOT EXISTS (SELECT 1 FROM dedupe_batch_keys WHERE connection_id = @connectionId AND row_key = @rowKey)",
                new { connectionId = batch.ConnectionId, rowKey, candidateId, batchId = batch.Id, rowNumber = row.Number, now }, transaction)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }

    [LoggerMessage(1, LogLevel.Error, "The run of dedupe batch {BatchId} stopped on an unexpected error")]
    private static partial void RunFailed(ILogger logger, Exception exception, long batchId);
}
