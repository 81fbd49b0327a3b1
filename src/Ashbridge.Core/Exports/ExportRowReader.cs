using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Exports;

/// <summary>
/// Reads an export's rows from the mirror, a batch of hired applications at a time (keyset by application id), with their
/// candidate, job, accepted offer and member in a few set-based queries per batch: memory stays flat whatever the size.
/// Cells follow every column of the export, compensation included; the runner leaves out what the caller may not see.
/// </summary>
internal sealed class ExportRowReader(ExportDefinition export, IReadOnlyList<ExportColumn> columns, int batchSize = 1000)
{
    private readonly Dictionary<string, int> _index = columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    private readonly List<ExportProblem> _problems = [];

    /// <summary>Values that did not fit their type (the first <see cref="ExportReport.MaxProblems"/>).</summary>
    public IReadOnlyList<ExportProblem> Problems => _problems;

    /// <summary>How many values did not fit their type.</summary>
    public long ProblemCount { get; private set; }

    public async IAsyncEnumerable<ExportRow> ReadAsync(DbConnection db, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reference = await ReferenceNames.ReadAsync(db, export.ConnectionId, cancellationToken).ConfigureAwait(false);
        var departments = Set(export.Filters.Departments);
        var locations = Set(export.Filters.Locations);
        var fields = columns.Where(c => c.CustomFieldId is not null && !c.DeletedInAshby)
            .Select(c => (Column: c, Field: export.CustomFields.First(f => f.Id == c.CustomFieldId))).ToList();
        bool Needs(string objectType) => fields.Any(f => f.Field.ObjectType == objectType);
        var (needApplication, needCandidate, needJob) = (Needs("Application"), Needs("Candidate"), Needs("Job"));

        var sql =
            "SELECT a.id AS Id, a.job_id AS JobId, a.ashby_updated_ms AS UpdatedMs, COALESCE(s.name, c.name) AS Name, "
            + (needApplication ? "a.raw_json" : "NULL") + " AS ApplicationJson, "
            + (needCandidate ? "COALESCE(s.raw_json, c.raw_json)" : "NULL") + " AS CandidateJson, "
            + "j.title AS JobTitle, j.department_id AS DepartmentId, j.location_id AS LocationId, "
            + (needJob ? "j.raw_json" : "NULL") + " AS JobJson "
            + "FROM mirror_applications a "
            + "LEFT JOIN mirror_candidates c ON c.connection_id = a.connection_id AND c.id = a.candidate_id "
            + "LEFT JOIN mirror_candidates s ON s.connection_id = c.connection_id AND s.id = c.merged_into_id "
            + "LEFT JOIN mirror_jobs j ON j.connection_id = a.connection_id AND j.id = a.job_id "
            + "WHERE a.connection_id = @connectionId AND a.status = 'Hired' AND a.deleted_ms IS NULL AND a.id > @after ORDER BY a.id LIMIT @limit";
        var after = "";
        while (true)
        {
            var batch = (await db.QueryAsync<HiredRow>(new CommandDefinition(
                sql, new { connectionId = export.ConnectionId, after, limit = batchSize }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            var ids = batch.Select(r => r.Id).ToList();
            var offers = await OffersAsync(db, ids, cancellationToken).ConfigureAwait(false);
            var members = await MembersAsync(db, ids, cancellationToken).ConfigureAwait(false);
            foreach (var hired in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var department = hired.DepartmentId is not null ? reference.Departments.GetValueOrDefault(hired.DepartmentId) : null;
                var location = hired.LocationId is not null ? reference.Locations.GetValueOrDefault(hired.LocationId) : null;
                if (departments is not null && (department is null || !departments.Contains(department))) continue;
                if (locations is not null && (location is null || !locations.Contains(location))) continue;

                using var offer = AcceptedOffer(offers.GetValueOrDefault(hired.Id));
                var version = offer is not null && offer.RootElement.TryGetProperty(AshbyFields.LatestVersion, out var v) && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;
                var hiredDate = Date(offer?.RootElement, AshbyFields.DecidedAt)
                    ?? (hired.UpdatedMs is { } updated ? ExportValues.IsoDate(DateTimeOffset.FromUnixTimeMilliseconds(updated)) : null);
                if (!InRange(hiredDate)) continue;

                var cells = new object?[columns.Count];
                Set(cells, ExportColumns.ApplicationId, hired.Id);
                Set(cells, ExportColumns.EmployeeName, hired.Name);
                Set(cells, ExportColumns.Department, department);
                Set(cells, ExportColumns.JobId, hired.JobId);
                Set(cells, ExportColumns.JobTitle, hired.JobTitle);
                var target = Date(version, AshbyFields.StartDate);
                Set(cells, ExportColumns.TargetStartDate, target);
                Set(cells, ExportColumns.ActualStartDate, members.GetValueOrDefault(hired.Id) ?? target);
                if (version is { } ver && ver.TryGetProperty(AshbyFields.Salary, out var salary) && salary.ValueKind == JsonValueKind.Object)
                {
                    if (salary.TryGetProperty(AshbyFields.Value, out var amount) && amount.ValueKind == JsonValueKind.Number) Set(cells, ExportColumns.Salary, amount.GetDecimal());
                    if (salary.TryGetProperty(AshbyFields.CurrencyCode, out var code) && code.ValueKind == JsonValueKind.String) Set(cells, ExportColumns.SalaryCurrency, code.GetString());
                }

                Set(cells, ExportColumns.HiredDate, hiredDate);
                Set(cells, ExportColumns.RowType, "hired");
                if (fields.Count > 0)
                {
                    using var application = Parse(hired.ApplicationJson);
                    using var candidate = Parse(hired.CandidateJson);
                    using var job = Parse(hired.JobJson);
                    foreach (var (column, field) in fields)
                    {
                        var owner = field.ObjectType switch
                        {
                            "Application" => application?.RootElement,
                            "Candidate" => candidate?.RootElement,
                            "Job" => job?.RootElement,
                            _ => version,
                        };
                        Custom(cells, hired.Id, column, field, owner);
                    }
                }

                yield return new ExportRow(hired.Id, cells);
            }

            if (batch.Count < batchSize) break;
        }

        if (!export.Filters.IncludeOpenOpenings) yield break;
        await foreach (var row in OpeningsAsync(db, reference, departments, locations, cancellationToken).ConfigureAwait(false)) yield return row;
    }

    private async IAsyncEnumerable<ExportRow> OpeningsAsync(
        DbConnection db, ReferenceNames reference, HashSet<string>? departments, HashSet<string>? locations, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var batch = (await db.QueryAsync<(string Id, string RawJson)>(new CommandDefinition(
                "SELECT id, raw_json FROM mirror_openings WHERE connection_id = @connectionId AND deleted_ms IS NULL AND opening_state = 'Open' "
                + "AND (is_archived IS NULL OR is_archived = @archived) AND id > @after ORDER BY id LIMIT @limit",
                new { connectionId = export.ConnectionId, archived = false, after, limit = batchSize }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (batch.Count == 0) yield break;
            after = batch[^1].Id;
            var openings = batch.Select(o => (o.Id, Json: JsonDocument.Parse(o.RawJson))).ToList();
            try
            {
                var jobIds = openings.Select(o => FirstJobId(o.Json.RootElement)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var jobs = await JobsAsync(db, jobIds, cancellationToken).ConfigureAwait(false);
                foreach (var (id, json) in openings)
                {
                    var version = json.RootElement.TryGetProperty(AshbyFields.LatestVersion, out var v) && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;
                    var jobId = FirstJobId(json.RootElement);
                    var job = jobId is not null ? jobs.GetValueOrDefault(jobId) : default;
                    var departmentId = Text(version, "teamId") ?? job.DepartmentId;
                    var locationId = version is { } ver && ver.TryGetProperty("locationIds", out var ls) && ls.ValueKind == JsonValueKind.Array && ls.GetArrayLength() > 0
                        ? ls[0].GetString() : job.LocationId;
                    var department = departmentId is not null ? reference.Departments.GetValueOrDefault(departmentId) : null;
                    var location = locationId is not null ? reference.Locations.GetValueOrDefault(locationId) : null;
                    if (departments is not null && (department is null || !departments.Contains(department))) continue;
                    if (locations is not null && (location is null || !locations.Contains(location))) continue;
                    var cells = new object?[columns.Count];
                    Set(cells, ExportColumns.Department, department);
                    Set(cells, ExportColumns.JobId, jobId);
                    Set(cells, ExportColumns.JobTitle, job.Title);
                    Set(cells, ExportColumns.TargetStartDate, Date(version, "targetStartDate"));
                    Set(cells, ExportColumns.RowType, "open");
                    Set(cells, ExportColumns.OpeningId, id);
                    yield return new ExportRow("opening:" + id, cells);
                }
            }
            finally
            {
                foreach (var (_, json) in openings) json.Dispose();
            }

            if (batch.Count < batchSize) yield break;
        }
    }

    private void Custom(object?[] cells, string rowKey, ExportColumn column, ExportCustomField field, JsonElement? owner)
    {
        if (CustomFieldValues.Find(owner, field.Id) is not { } embedded) return;
        var (value, error) = ExportValues.Convert(embedded, field.FieldType);
        if (error is not null)
        {
            ProblemCount++;
            if (_problems.Count < ExportReport.MaxProblems) _problems.Add(new ExportProblem(rowKey, column.Name, $"'{field.Title}' ({field.FieldType}): {error}; the cell is left empty."));
            return;
        }

        cells[_index[column.Name]] = value;
    }

    private void Set(object?[] cells, string column, object? value)
    {
        if (value is not null && _index.TryGetValue(column, out var i)) cells[i] = value;
    }

    private bool InRange(string? hiredDate)
    {
        if (export.Filters.HiredFrom is null && export.Filters.HiredTo is null) return true;
        if (hiredDate is null || !DateOnly.TryParseExact(hiredDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        return (export.Filters.HiredFrom is not { } from || date >= from) && (export.Filters.HiredTo is not { } to || date <= to);
    }

    // The batch's ids are a keyset range, so its offers and members are read by that range (an index range scan): an IN
    // list of a thousand parameters cost more in parameter binding than the query itself. Rows of applications in the
    // range that are not hired are read too, and never asked for.
    private async Task<Dictionary<string, List<string>>> OffersAsync(DbConnection db, List<string> applicationIds, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<(string ApplicationId, string RawJson)>(new CommandDefinition(
            "SELECT application_id, raw_json FROM mirror_offers WHERE connection_id = @connectionId AND application_id >= @first AND application_id <= @last "
            + "AND deleted_ms IS NULL AND acceptance_status = 'Accepted'",
            new { connectionId = export.ConnectionId, first = applicationIds[0], last = applicationIds[^1] }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var offers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (applicationId, json) in rows)
        {
            if (!offers.TryGetValue(applicationId, out var list)) offers[applicationId] = list = [];
            list.Add(json);
        }

        return offers;
    }

    private async Task<Dictionary<string, string>> MembersAsync(DbConnection db, List<string> applicationIds, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<(string ApplicationId, string? StartDate)>(new CommandDefinition(
            "SELECT application_id, start_date FROM members WHERE connection_id = @connectionId AND start_date IS NOT NULL "
            + "AND application_id >= @first AND application_id <= @last ORDER BY id",
            new { connectionId = export.ConnectionId, first = applicationIds[0], last = applicationIds[^1] }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (applicationId, startDate) in rows) members[applicationId] = startDate!; // the newest member of an application wins
        return members;
    }

    private async Task<Dictionary<string, (string? Title, string? DepartmentId, string? LocationId)>> JobsAsync(DbConnection db, List<string> jobIds, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0) return [];
        var parameters = new DynamicParameters(new { connectionId = export.ConnectionId });
        var rows = await db.QueryAsync<(string Id, string? Title, string? DepartmentId, string? LocationId)>(new CommandDefinition(
            $"SELECT id, title, department_id, location_id FROM mirror_jobs WHERE connection_id = @connectionId AND id IN ({SqlList.In(parameters, "j", jobIds)})",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Id, r => (r.Title, r.DepartmentId, r.LocationId), StringComparer.Ordinal);
    }

    /// <summary>The accepted offer decided last (then the newest latest version), parsed; <see langword="null"/> without one.</summary>
    private static JsonDocument? AcceptedOffer(List<string>? offers)
    {
        if (offers is null) return null;
        if (offers.Count == 1) return JsonDocument.Parse(offers[0]);
        JsonDocument? best = null;
        (string, string) bestKey = ("", "");
        foreach (var json in offers)
        {
            var document = JsonDocument.Parse(json);
            var key = (Text(document.RootElement, AshbyFields.DecidedAt) ?? "",
                document.RootElement.TryGetProperty(AshbyFields.LatestVersion, out var v) ? Text(v, AshbyFields.CreatedAt) ?? "" : "");
            if (best is null || string.CompareOrdinal(key.Item1, bestKey.Item1) > 0 || (key.Item1 == bestKey.Item1 && string.CompareOrdinal(key.Item2, bestKey.Item2) > 0))
            {
                best?.Dispose();
                (best, bestKey) = (document, key);
            }
            else
            {
                document.Dispose();
            }
        }

        return best;
    }

    private static string? FirstJobId(JsonElement opening) =>
        opening.TryGetProperty(AshbyFields.LatestVersion, out var v) && v.ValueKind == JsonValueKind.Object
        && v.TryGetProperty("jobIds", out var jobs) && jobs.ValueKind == JsonValueKind.Array && jobs.GetArrayLength() > 0 ? jobs[0].GetString() : null;

    private static string? Date(JsonElement? owner, string property) =>
        Text(owner, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? ExportValues.IsoDate(date) : null;

    private static string? Text(JsonElement? owner, string property) =>
        owner is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument? Parse(string? json) => json is null ? null : JsonDocument.Parse(json);

    private static HashSet<string>? Set(IReadOnlyList<string>? names) => names is { Count: > 0 } ? new(names, StringComparer.OrdinalIgnoreCase) : null;

    private sealed class HiredRow
    {
        public string Id { get; set; } = "";
        public string? JobId { get; set; }
        public long? UpdatedMs { get; set; }
        public string? Name { get; set; }
        public string? ApplicationJson { get; set; }
        public string? CandidateJson { get; set; }
        public string? JobTitle { get; set; }
        public string? DepartmentId { get; set; }
        public string? LocationId { get; set; }
        public string? JobJson { get; set; }
    }
}
