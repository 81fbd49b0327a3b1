using System.Data.Common;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.NewHires;

/// <summary>Reads what the mirror holds about a batch of hired applications, in a few set-based queries.</summary>
internal static class HireSourceReader
{
    public static async Task<Dictionary<string, (string? CandidateId, HireSources Sources)>> ReadAsync(
        DbConnection db, long connectionId, IReadOnlyList<string> applicationIds, ReferenceNames reference, CancellationToken cancellationToken)
    {
        var applications = await RowsAsync<(string Id, string Json, string? CandidateId, string? JobId)>(
            db, "SELECT id, raw_json, candidate_id, job_id FROM mirror_applications", "id", connectionId, applicationIds, false, cancellationToken).ConfigureAwait(false);

        // A merged candidate's row points at the survivor, whose data the new hire follows.
        var candidates = (await RowsAsync<(string Id, string Json, string? MergedInto)>(
            db, "SELECT id, raw_json, merged_into_id FROM mirror_candidates", "id", connectionId,
            [.. applications.Select(a => a.CandidateId).OfType<string>().Distinct()], false, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var survivors = candidates.Values.Select(c => c.MergedInto).OfType<string>().Where(id => !candidates.ContainsKey(id)).Distinct().ToList();
        foreach (var survivor in await RowsAsync<(string Id, string Json, string? MergedInto)>(
            db, "SELECT id, raw_json, merged_into_id FROM mirror_candidates", "id", connectionId, survivors, false, cancellationToken).ConfigureAwait(false))
        {
            candidates[survivor.Id] = survivor;
        }

        var jobs = (await RowsAsync<(string Id, string Json)>(
            db, "SELECT id, raw_json FROM mirror_jobs", "id", connectionId,
            [.. applications.Select(a => a.JobId).OfType<string>().Distinct()], false, cancellationToken).ConfigureAwait(false)).ToDictionary(j => j.Id, j => Parse(j.Json), StringComparer.Ordinal);
        var offers = (await RowsAsync<(string ApplicationId, string Json)>(
            db, "SELECT application_id, raw_json FROM mirror_offers", "application_id", connectionId, applicationIds, true, cancellationToken).ConfigureAwait(false))
            .ToLookup(o => o.ApplicationId, o => Parse(o.Json), StringComparer.Ordinal);

        var result = new Dictionary<string, (string?, HireSources)>(StringComparer.Ordinal);
        foreach (var application in applications)
        {
            var candidateId = application.CandidateId;
            for (var hops = 0; candidateId is not null && candidates.TryGetValue(candidateId, out var c) && c.MergedInto is { } next && hops < 8; hops++) candidateId = next;
            JsonElement? candidate = candidateId is not null && candidates.TryGetValue(candidateId, out var row) ? Parse(row.Json) : null;
            JsonElement? job = application.JobId is not null && jobs.TryGetValue(application.JobId, out var j) ? j : null;
            result[application.Id] = (candidateId, new HireSources(Parse(application.Json), candidate, job, [.. offers[application.Id]], reference.Departments, reference.Locations));
        }

        return result;
    }

    private static async Task<List<T>> RowsAsync<T>(
        DbConnection db, string select, string keyColumn, long connectionId, IReadOnlyList<string> keys, bool liveOnly, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return [];
        var parameters = new DynamicParameters();
        parameters.Add("@connectionId", connectionId);
        var sql = $"{select} WHERE connection_id = @connectionId AND {keyColumn} IN ({SqlList.In(parameters, "k", keys)}){(liveOnly ? " AND deleted_ms IS NULL" : "")}";
        return [.. await db.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
