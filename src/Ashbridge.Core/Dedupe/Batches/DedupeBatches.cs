using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Ashbridge.Core.Queues;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// Batch uploads of prospects: a file read and planned into a batch (the dry run), its mapping changed (planned again),
/// a person's decision on a row, the batch queued to run, and what it holds (state, progress, rows, the report).
/// Running it is <see cref="DedupeBatchRunner"/>'s.
/// </summary>
public sealed class DedupeBatches(AshbridgeDatabase database, DedupeBatchPlanner planner, ProspectWrites writes, TimeProvider time)
{
    /// <summary>The most rows one page of a batch holds.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Woken when a batch is queued, so the hub's loop runs it at once.</summary>
    public QueueSignal Queued { get; } = new();

    /// <summary>The SHA-256 of a file, as batches are found by it.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Reads <paramref name="content"/>, maps its columns (guessed from the headers, then <paramref name="mappingChanges"/>:
    /// header or column number → field) and plans every row: the batch's dry run. Nothing is written to Ashby.
    /// </summary>
    /// <exception cref="DedupeBatchException">The file or the mapping cannot be used; the message says why.</exception>
    public async Task<DedupeBatch> CreateAsync(
        long connectionId, string fileName, ReadOnlyMemory<byte> content, IReadOnlyDictionary<string, string?>? mappingChanges, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var file = BatchFileReader.Read(fileName, content);
        var mapping = BatchMapping.Guess(file.Headers);
        mapping = mappingChanges is { Count: > 0 } ? mapping.With(file.Headers, mappingChanges) : mapping;
        var choices = await writes.ChoicesAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var plans = await planner.PlanAsync(connectionId, file.Headers, mapping, file.Rows, choices, cancellationToken).ConfigureAwait(false);

        var now = time.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO dedupe_batches (connection_id, file_name, file_hash, headers_json, mapping_json, state, total_rows, created_ms, created_by) "
            + "VALUES (@connectionId, @fileName, @hash, @headers, @mapping, @state, @total, @now, @actor) RETURNING id",
            new
            {
                connectionId, fileName = Path.GetFileName(fileName) is { Length: > 0 } n ? n[..Math.Min(n.Length, 1000)] : "upload", hash = HashOf(content.Span),
                headers = JsonSerializer.Serialize(file.Headers), mapping = mapping.ToJson(), state = DedupeBatchState.Planned, total = file.Rows.Count, now, actor,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO dedupe_batch_rows (batch_id, row_number, cells_json, formula_json, row_key, action, plan_json, state, updated_ms) "
            + "VALUES (@id, @Number, @Cells, @Formulas, @Key, @Action, @Plan, @state, @now)",
            file.Rows.Select((r, i) => new
            {
                id, r.Number, Cells = JsonSerializer.Serialize(r.Cells), Formulas = r.FormulaColumns.Count == 0 ? null : JsonSerializer.Serialize(r.FormulaColumns),
                Key = plans[i].Prospect.RowKey, plans[i].Plan.Action, Plan = JsonSerializer.Serialize(plans[i].Plan), state = BatchRowState.Planned, now,
            }),
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Maps the batch's columns anew and plans every row again (decisions are dropped: the rows may be other people now).</summary>
    /// <exception cref="DedupeBatchException">The mapping cannot be used, or the batch has run (then upload the file again).</exception>
    public async Task<DedupeBatch> RemapAsync(long batchId, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default)
    {
        var batch = await FindAsync(batchId, cancellationToken).ConfigureAwait(false) ?? throw new DedupeBatchException($"There is no batch {batchId}.");
        if (batch.IsRunning || batch.StartedAt is not null)
        {
            throw new DedupeBatchException("The batch has run (or is running), so its mapping is kept; upload the file again for a new batch with another mapping.");
        }

        var mapping = new BatchMapping(batch.Mapping).With(batch.Headers, changes);
        var rows = await FileRowsAsync(batchId, cancellationToken).ConfigureAwait(false);
        var choices = await writes.ChoicesAsync(batch.ConnectionId, cancellationToken).ConfigureAwait(false);
        var plans = await planner.PlanAsync(batch.ConnectionId, batch.Headers, mapping, rows, choices, cancellationToken).ConfigureAwait(false);
        var now = time.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition("UPDATE dedupe_batches SET mapping_json = @mapping WHERE id = @batchId", new { batchId, mapping = mapping.ToJson() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batch_rows SET row_key = @Key, action = @Action, plan_json = @Plan, decision = NULL, updated_ms = @now WHERE batch_id = @batchId AND row_number = @Number",
            rows.Select((r, i) => new { batchId, r.Number, Key = plans[i].Prospect.RowKey, plans[i].Plan.Action, Plan = JsonSerializer.Serialize(plans[i].Plan), now }),
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindAsync(batchId, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// A person's decision for a row: <c>create</c>, <c>merge:&lt;candidate id&gt;</c> (one of the row's matches), <c>skip</c>,
    /// or null to follow the plan again. A row held for a decision by an earlier run is run again by the next.
    /// </summary>
    /// <exception cref="DedupeBatchException">The row does not exist, is invalid or written, or the decision is not one of those.</exception>
    public async Task<DedupeBatchRow> DecideAsync(long batchId, int rowNumber, string? decision, CancellationToken cancellationToken = default)
    {
        var batch = await FindAsync(batchId, cancellationToken).ConfigureAwait(false) ?? throw new DedupeBatchException($"There is no batch {batchId}.");
        if (batch.IsRunning) throw new DedupeBatchException("The batch is running; decide once it has finished or stopped.");
        var row = await FindRowAsync(batchId, rowNumber, cancellationToken).ConfigureAwait(false) ?? throw new DedupeBatchException($"The batch has no row {rowNumber}.");
        if (row.Plan.Action == BatchAction.Invalid) throw new DedupeBatchException($"Row {rowNumber} is invalid ({string.Join("; ", row.Plan.Reasons)}); correct the file and upload it again.");
        if (row.State != BatchRowState.Planned && row.Outcome != BatchOutcome.Held) throw new DedupeBatchException($"Row {rowNumber} has run already ({row.Outcome}).");
        decision = string.IsNullOrWhiteSpace(decision) ? null : decision.Trim();
        if (decision is BatchAction.Create)
        {
            var check = await ProspectOfAsync(batch, row, cancellationToken).ConfigureAwait(false);
            if (!check.CanCreate) throw new DedupeBatchException($"Row {rowNumber} cannot be created: Ashby needs a first name, a last name and an email.");
        }
        else if (decision is { } d && d.StartsWith(BatchAction.Merge + ":", StringComparison.Ordinal))
        {
            var into = d[(BatchAction.Merge.Length + 1)..];
            if (!row.Plan.Matches.Any(m => m.CandidateId == into)) throw new DedupeBatchException($"Candidate '{into}' is not one of row {rowNumber}'s matches; merge into one of them.");
        }
        else if (decision is not (null or BatchAction.Skip))
        {
            throw new DedupeBatchException($"'{decision}' is not a decision; use create, merge:<candidate id> (one of the row's matches) or skip.");
        }

        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batch_rows SET decision = @decision, state = @planned, outcome = NULL, detail = NULL, updated_ms = @now WHERE batch_id = @batchId AND row_number = @rowNumber",
            new { batchId, rowNumber, decision, planned = BatchRowState.Planned, now = time.NowMs() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        // A finished batch with a row held for this decision has that row to run again.
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE dedupe_batches SET state = @planned WHERE id = @batchId AND state = @finished",
            new { batchId, planned = DedupeBatchState.Planned, finished = DedupeBatchState.Finished }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindRowAsync(batchId, rowNumber, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Asks the hub's background loop to run the batch (or resume it); a finished batch stays as it is.</summary>
    public async Task<DedupeBatch> QueueAsync(long batchId, CancellationToken cancellationToken = default)
    {
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE dedupe_batches SET state = @queued, error = NULL WHERE id = @batchId AND state IN (@planned, @stopped)",
                new { batchId, queued = DedupeBatchState.Queued, planned = DedupeBatchState.Planned, stopped = DedupeBatchState.Stopped }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        Queued.Notify();
        return await FindAsync(batchId, cancellationToken).ConfigureAwait(false) ?? throw new DedupeBatchException($"There is no batch {batchId}.");
    }

    /// <summary>The batch, or null when there is none of that id.</summary>
    public async Task<DedupeBatch?> FindAsync(long batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            $"SELECT {BatchColumns} FROM dedupe_batches WHERE id = @batchId", new { batchId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return record is null ? null : await ViewAsync(db, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest batch of this file (by its SHA-256) on the connection, or null: the CLI resumes it.</summary>
    public async Task<DedupeBatch?> FindByFileAsync(long connectionId, string fileHash, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.QueryFirstOrDefaultAsync<BatchRecord>(new CommandDefinition(
            $"SELECT {BatchColumns} FROM dedupe_batches WHERE connection_id = @connectionId AND file_hash = @fileHash ORDER BY id DESC",
            new { connectionId, fileHash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return record is null ? null : await ViewAsync(db, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection's newest batches, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DedupeBatch>> ListAsync(long connectionId, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var records = await db.QueryAsync<BatchRecord>(new CommandDefinition(
            $"SELECT {BatchColumns} FROM dedupe_batches WHERE connection_id = @connectionId ORDER BY id DESC LIMIT @limit",
            new { connectionId, limit = Math.Clamp(limit, 1, 200) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var batches = new List<DedupeBatch>();
        foreach (var record in records) batches.Add(await ViewAsync(db, record, cancellationToken).ConfigureAwait(false));
        return batches;
    }

    /// <summary>Rows of the batch in file order from row number <paramref name="after"/> on (exclusive), at most <paramref name="limit"/>; <paramref name="action"/> narrows to one planned action.</summary>
    public async Task<IReadOnlyList<DedupeBatchRow>> PageRowsAsync(long batchId, int after = 0, int limit = 100, string? action = null, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<RowRecord>(new CommandDefinition(
            $"SELECT {RowColumns} FROM dedupe_batch_rows WHERE batch_id = @batchId AND row_number > @after" + (action is null ? "" : " AND action = @action")
            + " ORDER BY row_number LIMIT @limit",
            new { batchId, after, limit = Math.Clamp(limit, 1, MaxPageSize), action }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRow())];
    }

    /// <summary>One row of the batch, or null.</summary>
    public async Task<DedupeBatchRow?> FindRowAsync(long batchId, int rowNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<RowRecord>(new CommandDefinition(
            $"SELECT {RowColumns} FROM dedupe_batch_rows WHERE batch_id = @batchId AND row_number = @rowNumber", new { batchId, rowNumber }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRow();
    }

    /// <summary>The report: a CSV line per row (row, the file's name and email columns, plan, decision, outcome, candidate, application, detail).</summary>
    public async Task WriteReportAsync(DedupeBatch batch, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(writer);
        var mapping = new BatchMapping(batch.Mapping);
        string[] identify = [BatchField.FirstName, BatchField.LastName, BatchField.Name, BatchField.Email];
        var columns = identify.SelectMany(mapping.ColumnsOf).Distinct().Order().ToList();
        await writer.WriteLineAsync(string.Join(",", ((IEnumerable<string>)["row", .. columns.Select(c => batch.Headers[c]), "plan", "decision", "state", "outcome", "candidate_id", "application_id", "detail"]).Select(Csv))).ConfigureAwait(false);
        var after = 0;
        while (true)
        {
            var page = await PageRowsAsync(batch.Id, after, MaxPageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) break;
            foreach (var row in page)
            {
                IEnumerable<string> cells = [row.Number.ToString(CultureInfo.InvariantCulture), .. columns.Select(c => c < row.Cells.Count ? row.Cells[c] : ""),
                    row.Plan.Describe(), row.Decision ?? "", row.State, row.Outcome ?? "", row.CandidateId ?? "", row.ApplicationId ?? "", row.Detail ?? ""];
                await writer.WriteLineAsync(string.Join(",", cells.Select(Csv))).ConfigureAwait(false);
            }

            after = page[^1].Number;
        }
    }

    /// <summary>The rows of a stored batch as the file had them.</summary>
    internal async Task<IReadOnlyList<BatchFileRow>> FileRowsAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<RowRecord>(new CommandDefinition(
            $"SELECT {RowColumns} FROM dedupe_batch_rows WHERE batch_id = @batchId ORDER BY row_number", new { batchId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToFileRow())];
    }

    /// <summary>A row read through the batch's mapping, as the plan read it.</summary>
    internal async Task<BatchProspect> ProspectOfAsync(DedupeBatch batch, DedupeBatchRow row, CancellationToken cancellationToken)
    {
        var choices = await writes.ChoicesAsync(batch.ConnectionId, cancellationToken).ConfigureAwait(false);
        return BatchProspect.Read(batch.ConnectionId, batch.Headers, new BatchMapping(batch.Mapping), new BatchFileRow(row.Number, row.Cells, []), choices);
    }

    private const string BatchColumns =
        "id AS Id, connection_id AS ConnectionId, file_name AS FileName, file_hash AS FileHash, headers_json AS HeadersJson, mapping_json AS MappingJson, state AS State, "
        + "total_rows AS TotalRows, created_ms AS CreatedMs, created_by AS CreatedBy, started_ms AS StartedMs, finished_ms AS FinishedMs, error AS Error";

    internal const string RowColumns =
        "row_number AS Number, cells_json AS CellsJson, formula_json AS FormulaJson, row_key AS RowKey, plan_json AS PlanJson, decision AS Decision, state AS State, outcome AS Outcome, "
        + "candidate_id AS CandidateId, application_id AS ApplicationId, detail AS Detail";

    private static async Task<DedupeBatch> ViewAsync(DbConnection db, BatchRecord b, CancellationToken cancellationToken)
    {
        var planned = (await db.QueryAsync<(string Key, long Count)>(new CommandDefinition(
            "SELECT action, COUNT(*) FROM dedupe_batch_rows WHERE batch_id = @Id GROUP BY action", new { b.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(p => p.Key, p => (int)p.Count, StringComparer.Ordinal);
        var outcomes = (await db.QueryAsync<(string Key, long Count)>(new CommandDefinition(
            "SELECT outcome, COUNT(*) FROM dedupe_batch_rows WHERE batch_id = @Id AND outcome IS NOT NULL GROUP BY outcome", new { b.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(p => p.Key, p => (int)p.Count, StringComparer.Ordinal);
        var done = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM dedupe_batch_rows WHERE batch_id = @Id AND state = @done", new { b.Id, done = BatchRowState.Done }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new DedupeBatch(
            b.Id, b.ConnectionId, b.FileName, b.FileHash, JsonSerializer.Deserialize<string[]>(b.HeadersJson) ?? [], BatchMapping.FromJson(b.MappingJson).Fields, b.State, b.TotalRows, (int)done,
            planned, outcomes, DateTimeOffset.FromUnixTimeMilliseconds(b.CreatedMs), b.CreatedBy,
            b.StartedMs is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null, b.FinishedMs is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, b.Error);
    }

    private static string Csv(string value)
    {
        // A cell a spreadsheet would run as a formula is quoted behind an apostrophe; quotes, commas and line breaks are quoted.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && FormulaText.IsFormula(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private sealed class BatchRecord
    {
        public long Id { get; set; }

        public long ConnectionId { get; set; }

        public string FileName { get; set; } = "";

        public string FileHash { get; set; } = "";

        public string HeadersJson { get; set; } = "[]";

        public string MappingJson { get; set; } = "[]";

        public string State { get; set; } = "";

        public int TotalRows { get; set; }

        public long CreatedMs { get; set; }

        public string CreatedBy { get; set; } = "";

        public long? StartedMs { get; set; }

        public long? FinishedMs { get; set; }

        public string? Error { get; set; }
    }

    /// <summary>A row as stored.</summary>
    internal sealed class RowRecord
    {
        public int Number { get; set; }

        public string CellsJson { get; set; } = "[]";

        public string? FormulaJson { get; set; }

        public string? RowKey { get; set; }

        public string PlanJson { get; set; } = "{}";

        public string? Decision { get; set; }

        public string State { get; set; } = "";

        public string? Outcome { get; set; }

        public string? CandidateId { get; set; }

        public string? ApplicationId { get; set; }

        public string? Detail { get; set; }

        public DedupeBatchRow ToRow() => new(
            Number, JsonSerializer.Deserialize<string[]>(CellsJson) ?? [], JsonSerializer.Deserialize<BatchRowPlan>(PlanJson)!, Decision, State, Outcome, CandidateId, ApplicationId, Detail);

        public BatchFileRow ToFileRow() => new(Number, JsonSerializer.Deserialize<string[]>(CellsJson) ?? [], FormulaJson is null ? [] : JsonSerializer.Deserialize<int[]>(FormulaJson) ?? []);
    }
}
