using System.Text.Json;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.OpenRoles;

/// <summary>
/// Reads the open roles the importer keeps. Every surface reads through here: the page, the API, the org chart and the
/// public careers feed (which asks for listed roles only).
/// </summary>
public sealed class OpenRoleCatalog(AshbridgeDatabase database)
{
    private const string Columns =
        "connection_id AS ConnectionId, posting_id AS PostingId, job_id AS JobId, title AS Title, description_html AS DescriptionHtml, description_plain AS DescriptionPlain, "
        + "department_id AS DepartmentId, department_name AS DepartmentName, location_name AS LocationName, posting_state AS PostingState, is_listed AS IsListed, is_confidential AS IsConfidential, "
        + "posted_ms AS PostedMs, posting_url AS PostingUrl, apply_url AS ApplyUrl, employment_type AS EmploymentType, job_status AS JobStatus, "
        + "hiring_manager_user_id AS HiringManagerUserId, hiring_manager_name AS HiringManagerName, hiring_manager_email AS HiringManagerEmail, hiring_team_json AS HiringTeamJson, "
        + "openings_json AS OpeningsJson, open_openings AS OpenOpenings, opening_state AS OpeningState, target_hire_date AS TargetHireDate, target_start_date AS TargetStartDate, "
        + "is_backfill AS IsBackfill, first_seen_ms AS FirstSeenMs, updated_ms AS UpdatedMs, closed_ms AS ClosedMs";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A connection's open roles by title; closed ones too when <paramref name="includeClosed"/>; only listed ones when <paramref name="listedOnly"/> (public surfaces).</summary>
    public async Task<IReadOnlyList<OpenRole>> ListAsync(long connectionId, bool listedOnly = false, bool includeClosed = false, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var where = "connection_id = @connectionId"
            + (includeClosed ? "" : " AND closed_ms IS NULL")
            + (listedOnly ? " AND is_listed = @listed" : "");
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM open_roles WHERE {where} ORDER BY title, posting_id", new { connectionId, listed = true }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToOpenRole())];
    }

    /// <summary>One role, open or closed, or <see langword="null"/>.</summary>
    public async Task<OpenRole?> FindAsync(long connectionId, string postingId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM open_roles WHERE connection_id = @connectionId AND posting_id = @postingId", new { connectionId, postingId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToOpenRole();
    }

    /// <summary>The columns as Dapper reads them.</summary>
    private sealed class Row
    {
        public long ConnectionId { get; init; }
        public string PostingId { get; init; } = "";
        public string? JobId { get; init; }
        public string Title { get; init; } = "";
        public string? DescriptionHtml { get; init; }
        public string? DescriptionPlain { get; init; }
        public string? DepartmentId { get; init; }
        public string? DepartmentName { get; init; }
        public string? LocationName { get; init; }
        public string PostingState { get; init; } = "";
        public bool IsListed { get; init; }
        public bool IsConfidential { get; init; }
        public long? PostedMs { get; init; }
        public string? PostingUrl { get; init; }
        public string? ApplyUrl { get; init; }
        public string? EmploymentType { get; init; }
        public string? JobStatus { get; init; }
        public string? HiringManagerUserId { get; init; }
        public string? HiringManagerName { get; init; }
        public string? HiringManagerEmail { get; init; }
        public string HiringTeamJson { get; init; } = "[]";
        public string OpeningsJson { get; init; } = "[]";
        public int OpenOpenings { get; init; }
        public string? OpeningState { get; init; }
        public string? TargetHireDate { get; init; }
        public string? TargetStartDate { get; init; }
        public bool? IsBackfill { get; init; }
        public long FirstSeenMs { get; init; }
        public long UpdatedMs { get; init; }
        public long? ClosedMs { get; init; }

        public OpenRole ToOpenRole() => new(
            ConnectionId, PostingId, JobId, Title, DescriptionHtml, DescriptionPlain, DepartmentId, DepartmentName, LocationName, PostingState, IsListed, IsConfidential,
            PostedMs is { } posted ? DateTimeOffset.FromUnixTimeMilliseconds(posted) : null, PostingUrl, ApplyUrl, EmploymentType, JobStatus,
            HiringManagerUserId is { } managerId ? new OpenRoleTeamMember(managerId, HiringManagerName, HiringManagerEmail, "Hiring Manager") : null,
            JsonSerializer.Deserialize<List<OpenRoleTeamMember>>(HiringTeamJson, JsonOptions) ?? [],
            JsonSerializer.Deserialize<List<OpenRoleOpening>>(OpeningsJson, JsonOptions) ?? [],
            OpenOpenings, OpeningState, TargetHireDate, TargetStartDate, IsBackfill,
            DateTimeOffset.FromUnixTimeMilliseconds(FirstSeenMs), DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs),
            ClosedMs is { } closed ? DateTimeOffset.FromUnixTimeMilliseconds(closed) : null);
    }
}
