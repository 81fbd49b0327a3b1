using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Testing;

/// <summary>
/// Rows the org chart reads, written straight into the database: Ashby users and applications as the mirror keeps them,
/// members as the new-hire flow adds them, and open roles as the open-roles importer keeps them. The open roles are the
/// one stand-in: the importer is built on another branch, and this is the single place to swap for it.
/// </summary>
public static class OrgChartSeed
{
    /// <summary>An open role (one published posting) as the importer writes it; again with the same posting id, an update as a later import makes it.</summary>
    public static async Task UpsertOpenRoleAsync(
        AshbridgeDatabase database, long connectionId, string postingId, string title, string? jobId = null, string? department = null,
        string? hiringManagerEmail = null, string? hiringManagerName = null, int openOpenings = 1, bool closed = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.ConnectAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO open_roles (connection_id, posting_id, job_id, title, department_name, posting_state, is_listed, is_confidential, hiring_manager_user_id, hiring_manager_name,
                hiring_manager_email, hiring_team_json, openings_json, open_openings, source_hash, first_seen_ms, updated_ms, closed_ms)
            VALUES (@connectionId, @postingId, @jobId, @title, @department, @state, @yes, @no, @managerId, @hiringManagerName, @hiringManagerEmail, '[]', '[]', @openOpenings, @hash, @now, @now, @closedMs)
            ON CONFLICT (connection_id, posting_id) DO UPDATE SET job_id = excluded.job_id, title = excluded.title, department_name = excluded.department_name,
                posting_state = excluded.posting_state, hiring_manager_user_id = excluded.hiring_manager_user_id, hiring_manager_name = excluded.hiring_manager_name,
                hiring_manager_email = excluded.hiring_manager_email, open_openings = excluded.open_openings, source_hash = excluded.source_hash,
                updated_ms = excluded.updated_ms, closed_ms = excluded.closed_ms
            """,
            new
            {
                connectionId, postingId, jobId, title, department, state = closed ? "Unpublished" : "Published", yes = true, no = false,
                managerId = hiringManagerEmail is null ? null : "user-" + hiringManagerEmail, hiringManagerName, hiringManagerEmail, openOpenings,
                hash = Guid.NewGuid().ToString("N"), now, closedMs = closed ? now : (long?)null,
            }, cancellationToken: cancellationToken));
    }

    /// <summary>An Ashby user as the mirror keeps it; again with the same id, the user changed (e.g. deactivated).</summary>
    public static async Task UpsertUserAsync(
        AshbridgeDatabase database, long connectionId, string id, string email, string firstName, string lastName, bool enabled = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.ConnectAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO mirror_users (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass, email, first_name, last_name, global_role, is_enabled)
            VALUES (@connectionId, @id, '{}', 0, @now, @now, 1, @email, @firstName, @lastName, 'Interviewer', @enabled)
            ON CONFLICT (connection_id, id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
                is_enabled = excluded.is_enabled, last_seen_ms = excluded.last_seen_ms
            """,
            new { connectionId, id, now, email, firstName, lastName, enabled }, cancellationToken: cancellationToken));
    }

    /// <summary>An application onto a job, as the mirror keeps it.</summary>
    public static async Task InsertApplicationAsync(AshbridgeDatabase database, long connectionId, string id, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.ConnectAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO mirror_applications (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass, job_id, status)
            VALUES (@connectionId, @id, '{}', 0, @now, @now, 1, @jobId, 'Hired')
            """,
            new { connectionId, id, now, jobId }, cancellationToken: cancellationToken));
    }

    /// <summary>A member as the new-hire flow adds one (from <paramref name="applicationId"/>'s hire, when given); returns its id.</summary>
    public static async Task<long> InsertMemberAsync(
        AshbridgeDatabase database, string firstName, string lastName, string email, string jobTitle, string? department = null,
        long? connectionId = null, string? applicationId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.ConnectAsync(cancellationToken);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO members (connection_id, application_id, first_name, last_name, personal_email, job_title, department, extra_json, created_ms, created_by)
            VALUES (@connectionId, @applicationId, @firstName, @lastName, @email, @jobTitle, @department, '{}', @now, 'test@example.com') RETURNING id
            """,
            new { connectionId, applicationId, firstName, lastName, email, jobTitle, department, now }, cancellationToken: cancellationToken));
    }
}
