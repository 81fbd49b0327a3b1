using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// The dry run: what each row of a file will do, from the mirror (the duplicate check) and the rows this connection's
/// earlier batches wrote. The real run writes what this plans; nothing here asks Ashby.
/// </summary>
public sealed class DedupeBatchPlanner(AshbridgeDatabase database, DuplicateCheck check)
{
    /// <summary>Reasons of the duplicate check that name a shared contact: one such candidate is the row's to merge into.</summary>
    private static readonly string[] StrongReasons = ["same email", "same phone", "same LinkedIn", "same GitHub"];

    /// <summary>Whether a match shares an email, a phone, a LinkedIn or a GitHub with the prospect (a name or a website alone does not).</summary>
    public static bool IsStrong(DuplicateMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Reasons.Any(r => StrongReasons.Any(s => r.StartsWith(s, StringComparison.Ordinal)));
    }

    /// <summary>Each row read and planned, in the file's order.</summary>
    public async Task<IReadOnlyList<(BatchProspect Prospect, BatchRowPlan Plan)>> PlanAsync(
        long connectionId, IReadOnlyList<string> headers, BatchMapping mapping, IReadOnlyList<BatchFileRow> rows, UploadChoices choices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var prospects = rows.Select(r => BatchProspect.Read(connectionId, headers, mapping, r, choices)).ToList();
        var written = await WrittenAsync(connectionId, [.. prospects.Where(p => p.Problems.Count == 0).Select(p => p.RowKey).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<(BatchProspect, BatchRowPlan)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var prospect = prospects[i];
            planned.Add((prospect, await PlanRowAsync(connectionId, rows[i].Number, prospect, choices, firstRow, written, cancellationToken).ConfigureAwait(false)));
        }

        return planned;
    }

    private async Task<BatchRowPlan> PlanRowAsync(
        long connectionId, int number, BatchProspect prospect, UploadChoices choices, Dictionary<string, int> firstRow, Dictionary<string, WrittenRow> written, CancellationToken cancellationToken)
    {
        if (prospect.Problems.Count > 0) return new BatchRowPlan(BatchAction.Invalid, null, null, prospect.Problems, []);
        if (firstRow.TryGetValue(prospect.Identity, out var first))
        {
            return new BatchRowPlan(BatchAction.Skip, null, null, [$"the same prospect as row {first} of this file"], []);
        }

        firstRow[prospect.Identity] = number;
        if (written.TryGetValue(prospect.RowKey, out var earlier))
        {
            return new BatchRowPlan(BatchAction.Skip, earlier.CandidateId, null, [$"already uploaded by batch {earlier.BatchId} (row {earlier.RowNumber}) as candidate {earlier.CandidateId}"], []);
        }

        var matches = await check.CheckAsync(connectionId, prospect.Prospect, choices.DefaultRegion, cancellationToken).ConfigureAwait(false);
        var strong = matches.Where(IsStrong).ToList();
        if (strong.Count == 1)
        {
            var m = strong[0];
            return new BatchRowPlan(BatchAction.Merge, m.CandidateId, m.Name, m.Reasons, matches);
        }

        if (strong.Count > 1)
        {
            return new BatchRowPlan(BatchAction.Person, null, null, [$"{strong.Count} candidates share a contact with this row: {string.Join(", ", strong.Select(s => s.Name))}"], matches);
        }

        if (matches.Count > 0)
        {
            return new BatchRowPlan(BatchAction.Person, null, null, [$"only similar names: {string.Join(", ", matches.Select(s => $"{s.Name} ({s.Reasons[0]})"))}"], matches);
        }

        return prospect.CanCreate
            ? new BatchRowPlan(BatchAction.Create, null, null, ["no candidate shares a contact or a similar name"], [])
            : new BatchRowPlan(BatchAction.Invalid, null, null, ["no candidate matches, and Ashby needs a first name, a last name and an email to create one"], []);
    }

    /// <summary>The rows of <paramref name="keys"/> that this connection's batches have written.</summary>
    private async Task<Dictionary<string, WrittenRow>> WrittenAsync(long connectionId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var written = new Dictionary<string, WrittenRow>(StringComparer.Ordinal);
        if (keys.Count == 0) return written;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keys.Chunk(500))
        {
            var parameters = new DynamicParameters(new { connectionId });
            var rows = await db.QueryAsync<WrittenRow>(new CommandDefinition(
                $"SELECT row_key AS RowKey, candidate_id AS CandidateId, batch_id AS BatchId, row_number AS RowNumber FROM dedupe_batch_keys WHERE connection_id = @connectionId AND row_key IN ({SqlList.In(parameters, "k", chunk)})",
                parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var row in rows) written[row.RowKey] = row;
        }

        return written;
    }

    /// <summary>A row an earlier batch wrote.</summary>
    private sealed class WrittenRow
    {
        public string RowKey { get; set; } = "";

        public string CandidateId { get; set; } = "";

        public long BatchId { get; set; }

        public int RowNumber { get; set; }
    }
}
