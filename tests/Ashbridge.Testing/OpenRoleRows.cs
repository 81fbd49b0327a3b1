using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Testing;

/// <summary>
/// Writes the rows the open roles importer would (it is built elsewhere): connections, open roles and imports, straight
/// into the tables of migration 13, so the notices, the staleness alert and the careers feed can be tested on their own
/// (in Core's tests and against a running hub).
/// </summary>
public static class OpenRoleRows
{
    public static async Task<long> ConnectionAsync(AshbridgeDatabase database, string name)
    {
        await using var db = await database.ConnectAsync();
        return await db.ExecuteScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES (@name, 'http://127.0.0.1:9', 'x', 0, 0) RETURNING id", new { name });
    }

    /// <summary>An open role (closed when <paramref name="closedAt"/> is given), first seen at <paramref name="firstSeenAt"/>.</summary>
    public static async Task RoleAsync(
        AshbridgeDatabase database, long connectionId, string postingId, string title, DateTimeOffset firstSeenAt, bool listed = true, bool confidential = false,
        DateTimeOffset? closedAt = null, string? department = "Engineering", string? location = "London", string? employmentType = "FullTime", string? url = null)
    {
        await using var db = await database.ConnectAsync();
        await db.ExecuteAsync(
            """
            INSERT INTO open_roles (connection_id, posting_id, job_id, title, department_name, location_name, posting_state, is_listed, is_confidential, posted_ms,
                posting_url, employment_type, hiring_team_json, openings_json, open_openings, source_hash, first_seen_ms, updated_ms, closed_ms)
            VALUES (@connectionId, @postingId, @job, @title, @department, @location, @state, @listed, @confidential, @seen,
                @url, @employmentType, '[]', '[]', 1, 'h', @seen, @seen, @closed)
            """,
            new
            {
                connectionId, postingId, job = "job-" + postingId, title, department, location, state = closedAt is null ? "Published" : "Unpublished", listed, confidential,
                seen = firstSeenAt.ToUnixTimeMilliseconds(), url = url ?? $"https://jobs.example.com/{postingId}", employmentType, closed = closedAt?.ToUnixTimeMilliseconds(),
            });
    }

    /// <summary>An import as the importer records it; returns the result it would hand its observers.</summary>
    public static async Task<OpenRoleImportResult> ImportAsync(
        AshbridgeDatabase database, long connectionId, string trigger, DateTimeOffset startedAt, DateTimeOffset finishedAt, int created = 0, int changed = 0, int closed = 0, string? error = null)
    {
        await using var db = await database.ConnectAsync();
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO open_role_imports (connection_id, trigger, started_ms, finished_ms, state, new_count, changed_count, closed_count, error)
            VALUES (@connectionId, @trigger, @started, @finished, @state, @created, @changed, @closed, @error) RETURNING id
            """,
            new { connectionId, trigger, started = startedAt.ToUnixTimeMilliseconds(), finished = finishedAt.ToUnixTimeMilliseconds(), state = error is null ? "succeeded" : "failed", created, changed, closed, error });
        return new OpenRoleImportResult(id, connectionId, trigger, startedAt, finishedAt, created, changed, closed, error);
    }
}
