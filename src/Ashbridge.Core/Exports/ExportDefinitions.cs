using System.Data.Common;
using System.Text.Json;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Exports;

/// <summary>
/// Export definitions: made, listed, read, changed and removed. The custom fields are checked against the connection's
/// mirrored definitions when saved (candidate, application, job and offer fields only), and kept as they were then.
/// </summary>
public sealed class ExportDefinitions(AshbridgeDatabase database, TimeProvider timeProvider)
{
    /// <summary>The Ashby objects whose custom fields an export may include.</summary>
    public static readonly IReadOnlyList<string> FieldObjectTypes = ["Candidate", "Application", "Job", "Offer"];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns =
        "e.id AS Id, e.connection_id AS ConnectionId, c.name AS Connection, e.name AS Name, e.settings_json AS SettingsJson, "
        + "e.created_ms AS CreatedMs, e.created_by AS CreatedBy, e.updated_ms AS UpdatedMs";

    /// <summary>Saves a new export; returns it.</summary>
    /// <exception cref="ExportInvalidException">A bad name, an unknown connection or field, or a name in use.</exception>
    public async Task<ExportDefinition> CreateAsync(NewExport export, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var (connectionId, settings) = await CheckAsync(db, export, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.NowMs();
        try
        {
            var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO exports (connection_id, name, settings_json, created_ms, created_by, updated_ms) VALUES (@connectionId, @name, @json, @now, @actor, @now) RETURNING id",
                new { connectionId, name = export.Name.Trim(), json = JsonSerializer.Serialize(settings, Json), now, actor }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return (await FindAsync(id, cancellationToken).ConfigureAwait(false))!;
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            throw new ExportInvalidException($"An export named '{export.Name.Trim()}' exists already; choose another name.") { NameTaken = true };
        }
    }

    /// <summary>Redefines an export (its tokens and run history stay); <see langword="null"/> when there is no such export.</summary>
    /// <exception cref="ExportInvalidException">As for <see cref="CreateAsync"/>.</exception>
    public async Task<ExportDefinition?> UpdateAsync(long id, NewExport export, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var (connectionId, settings) = await CheckAsync(db, export, cancellationToken).ConfigureAwait(false);
        try
        {
            var changed = await db.ExecuteAsync(new CommandDefinition(
                "UPDATE exports SET connection_id = @connectionId, name = @name, settings_json = @json, updated_ms = @now WHERE id = @id",
                new { id, connectionId, name = export.Name.Trim(), json = JsonSerializer.Serialize(settings, Json), now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (changed == 0) return null;
            // Rows were fingerprinted with the old columns: every row counts as changed for the next ?since= pull.
            await db.ExecuteAsync(new CommandDefinition("DELETE FROM export_row_states WHERE export_id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            throw new ExportInvalidException($"An export named '{export.Name.Trim()}' exists already; choose another name.") { NameTaken = true };
        }

        return await FindAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes an export with its tokens, fingerprints and runs; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in new[] { "export_runs", "export_row_states", "export_tokens" })
        {
            await db.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE export_id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var removed = await db.ExecuteAsync(new CommandDefinition("DELETE FROM exports WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed == 1;
    }

    /// <summary>The exports of the given connections (<see langword="null"/>: all), by name.</summary>
    public async Task<IReadOnlyList<ExportDefinition>> ListAsync(IReadOnlyList<long>? connectionIds = null, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var where = connectionIds is null ? "" : connectionIds.Count == 0 ? " WHERE 1 = 0" : $" WHERE e.connection_id IN ({SqlList.In(parameters, "c", connectionIds)})";
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM exports e JOIN connections c ON c.id = e.connection_id{where} ORDER BY e.name", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDefinition())];
    }

    /// <summary>One export, or <see langword="null"/>.</summary>
    public async Task<ExportDefinition?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM exports e JOIN connections c ON c.id = e.connection_id WHERE e.id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDefinition();
    }

    /// <summary>One export by its name, or <see langword="null"/>.</summary>
    public async Task<ExportDefinition?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM exports e JOIN connections c ON c.id = e.connection_id WHERE e.name = @name", new { name = name?.Trim() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDefinition();
    }

    /// <summary>The custom fields an export of this connection may include: live candidate, application, job and offer fields, by object and title.</summary>
    public async Task<IReadOnlyList<ExportCustomField>> ListFieldsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await FieldsAsync(db, connectionId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Notes that an admin was told about these deleted fields (so each is told once).</summary>
    internal async Task NoteDeletedFieldsNoticedAsync(ExportDefinition export, IReadOnlyList<string> fieldIds, CancellationToken cancellationToken)
    {
        var settings = new ExportSettings(export.CustomFields, export.Filters, [.. export.DeletedFieldsNoticed.Union(fieldIds, StringComparer.Ordinal)]);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE exports SET settings_json = @json WHERE id = @id", new { id = export.Id, json = JsonSerializer.Serialize(settings, Json) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<(long ConnectionId, ExportSettings Settings)> CheckAsync(DbConnection db, NewExport export, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(export.Name)) throw new ExportInvalidException("Give the export a name that says what it is for (e.g. 'Pigment headcount').");
        if (export.Name.Trim().Length > 200) throw new ExportInvalidException("The name is longer than 200 characters.");
        if (string.IsNullOrWhiteSpace(export.Connection)) throw new ExportInvalidException("Name the connection whose hires the export reads.");
        var connectionId = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM connections WHERE name = @name", new { name = export.Connection.Trim() }, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new ExportInvalidException($"There is no connection named '{export.Connection.Trim()}'.");

        var ids = (export.CustomFieldIds ?? []).ToList();
        if (ids.Any(string.IsNullOrWhiteSpace)) throw new ExportInvalidException("customFieldIds must not hold empty ids.");
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count) throw new ExportInvalidException("customFieldIds lists a field twice.");
        var known = (await FieldsAsync(db, connectionId, ids, cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var unknown = ids.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ExportInvalidException(
                $"Unknown custom field{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}: choose candidate, application, job or offer fields of connection '{export.Connection.Trim()}' (GET /api/exports/fields?connection=…).");
        }

        var filters = export.Filters ?? ExportFilters.None;
        if (filters.HiredFrom is { } from && filters.HiredTo is { } to && from > to) throw new ExportInvalidException("hiredFrom is after hiredTo.");
        filters = filters with { Departments = Clean(filters.Departments), Locations = Clean(filters.Locations) };
        return (connectionId, new ExportSettings([.. ids.Select(id => known[id])], filters));
    }

    private static List<string> Clean(IReadOnlyList<string>? names) =>
        [.. (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static async Task<IReadOnlyList<ExportCustomField>> FieldsAsync(DbConnection db, long connectionId, List<string>? ids, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { connectionId });
        var types = SqlList.In(parameters, "t", FieldObjectTypes);
        var only = ids is null ? "" : ids.Count == 0 ? " AND 1 = 0" : $" AND id IN ({SqlList.In(parameters, "f", ids)})";
        var rows = await db.QueryAsync<(string Id, string RawJson, string? Title, string? ObjectType, string? FieldType)>(new CommandDefinition(
            $"SELECT id, raw_json, title, object_type, field_type FROM mirror_custom_fields WHERE connection_id = @connectionId AND deleted_ms IS NULL AND object_type IN ({types}){only} ORDER BY object_type, title",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new ExportCustomField(r.Id, r.Title ?? r.Id, r.ObjectType ?? "", r.FieldType ?? "String", IsPrivate(r.RawJson)))];
    }

    private static bool IsPrivate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("isPrivate", out var p) && p.ValueKind == JsonValueKind.True;
    }

    private static bool IsUniqueViolation(DbException ex) =>
        ex.SqlState == "23505" || ex.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);

    private sealed class Row
    {
        public long Id { get; set; }
        public long ConnectionId { get; set; }
        public string Connection { get; set; } = "";
        public string Name { get; set; } = "";
        public string SettingsJson { get; set; } = "";
        public long CreatedMs { get; set; }
        public string CreatedBy { get; set; } = "";
        public long UpdatedMs { get; set; }

        public ExportDefinition ToDefinition()
        {
            var settings = JsonSerializer.Deserialize<ExportSettings>(SettingsJson, Json)!;
            return new ExportDefinition(
                Id, ConnectionId, Connection, Name, settings.CustomFields, settings.Filters ?? ExportFilters.None,
                DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs), CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs))
            {
                DeletedFieldsNoticed = settings.DeletedFieldsNoticed ?? [],
            };
        }
    }
}
