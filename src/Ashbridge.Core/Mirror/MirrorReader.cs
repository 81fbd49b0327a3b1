using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Mirror;

/// <summary>Reads of the mirror the hub's API and pages make, so the host runs no SQL of its own.</summary>
public sealed class MirrorReader(AshbridgeDatabase database)
{
    /// <summary>The object <paramref name="id"/> of <paramref name="stream"/> in a connection's mirror, or null when it was never mirrored.</summary>
    public async Task<MirroredObject?> GetAsync(long connectionId, StreamDefinition stream, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<(string Json, DateTimeOffset? Updated, DateTimeOffset Seen, DateTimeOffset? Deleted, string? MergedInto)>(new CommandDefinition(
            $"SELECT raw_json, ashby_updated_ms, last_seen_ms, deleted_ms, merged_into_id FROM {stream.Table} WHERE connection_id = @connection AND id = @id",
            new { connection = connectionId, id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row.Json is null) return null;
        return new MirroredObject(row.Json, row.Updated, row.Seen, row.Deleted, row.MergedInto);
    }

    /// <summary>The connection's live, unarchived custom fields of the objects a new hire is made from, by object and title.</summary>
    public async Task<IReadOnlyList<MirrorCustomField>> NewHireCustomFieldsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var fields = await db.QueryAsync<MirrorCustomField>(new CommandDefinition(
            """
            SELECT id AS Id, title AS Title, object_type AS ObjectType, field_type AS FieldType FROM mirror_custom_fields
            WHERE connection_id = @id AND deleted_ms IS NULL AND object_type IN ('Candidate', 'Application', 'Job', 'Offer') AND (is_archived IS NULL OR is_archived = @no)
            ORDER BY object_type, title
            """, new { id = connectionId, no = false }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. fields];
    }
}
