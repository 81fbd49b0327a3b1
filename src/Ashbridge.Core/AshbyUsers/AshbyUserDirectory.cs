using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>
/// Every Ashby user of a connection from the mirror (its users stream asks for deactivated users too), searched by email
/// or name, with the hiring teams each sits on (from the mirrored jobs' and applications' <c>hiringTeam</c>), and what
/// changed since a date (recorded by <see cref="UserChangeTracker"/>).
/// </summary>
public sealed class AshbyUserDirectory(AshbridgeDatabase database)
{
    /// <summary>
    /// Every user's seats per connection, with the fingerprint of the jobs and applications they were read from: reading
    /// them means parsing every job's and application's JSON, so a search reuses them until a pass changes those rows.
    /// </summary>
    private readonly ConcurrentDictionary<long, (string Fingerprint, Dictionary<string, List<HiringTeamSeat>> Seats)> _seats = new();

    /// <summary>Most users a search answers.</summary>
    public const int MaxResults = 500;

    private const string Columns =
        "id AS Id, email AS Email, first_name AS FirstName, last_name AS LastName, global_role AS GlobalRole, CASE WHEN is_enabled = TRUE THEN 1 ELSE 0 END AS Enabled, ashby_updated_ms AS UpdatedMs";

    /// <summary>Users whose email or name contains <paramref name="search"/> (all when empty), by name; deactivated ones unless <paramref name="enabledOnly"/>.</summary>
    public async Task<IReadOnlyList<DirectoryUser>> SearchAsync(
        long connectionId, string? search, bool enabledOnly = false, int limit = MaxResults, bool withTeams = true, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new DynamicParameters(new { connectionId, limit = Math.Clamp(limit, 1, int.MaxValue) });
        var where = "connection_id = @connectionId AND deleted_ms IS NULL";
        if (enabledOnly) where += " AND is_enabled = TRUE";
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            parameters.Add("search", "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
            // email is stored lower-cased by the mirror, so its index serves an exact or prefix look-up.
            where += " AND (email LIKE @search ESCAPE '\\' OR LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) LIKE @search ESCAPE '\\')";
        }

        var rows = (await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM mirror_users WHERE {where} ORDER BY LOWER(COALESCE(first_name, '')), LOWER(COALESCE(last_name, '')), id LIMIT @limit",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (!withTeams) return [.. rows.Select(r => r.ToUser([]))];
        var seats = await CachedSeatsAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToUser(seats.TryGetValue(r.Id, out var s) ? s : []))];
    }

    /// <summary>Every user of the connection (the export and the access review), by name, with their teams.</summary>
    public Task<IReadOnlyList<DirectoryUser>> AllAsync(long connectionId, CancellationToken cancellationToken = default) =>
        SearchAsync(connectionId, null, limit: int.MaxValue, cancellationToken: cancellationToken);

    /// <summary>The user with this email (compared without case), or <see langword="null"/>.</summary>
    public async Task<DirectoryUser?> FindByEmailAsync(long connectionId, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM mirror_users WHERE connection_id = @connectionId AND email = @email AND deleted_ms IS NULL ORDER BY CASE WHEN is_enabled = TRUE THEN 0 ELSE 1 END, id",
            new { connectionId, email = email.Trim().ToLowerInvariant() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null) return null;
        var seats = await CachedSeatsAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
        return row.ToUser(seats.TryGetValue(row.Id, out var s) ? s : []);
    }

    /// <summary>A job's hiring team from the mirror, or <see langword="null"/> when the mirror has no such job.</summary>
    public async Task<JobHiringTeam?> JobTeamAsync(long connectionId, string jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.QueryFirstOrDefaultAsync<(string? Title, string? Status, string Json)>(new CommandDefinition(
            "SELECT title, status, raw_json FROM mirror_jobs WHERE connection_id = @connectionId AND id = @jobId AND deleted_ms IS NULL",
            new { connectionId, jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (job == default) return null;
        var team = Team(job.Json).ToList();
        var ids = team.Select(t => t.UserId).Distinct(StringComparer.Ordinal).ToList();
        var users = ids.Count == 0
            ? new Dictionary<string, Row>(StringComparer.Ordinal)
            : (await db.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM mirror_users WHERE connection_id = @connectionId AND id IN @ids", new { connectionId, ids }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToDictionary(u => u.Id, StringComparer.Ordinal);
        return new JobHiringTeam(jobId, job.Title, job.Status, [.. team.Select(t => users.TryGetValue(t.UserId, out var u)
            ? new JobHiringTeamMember(t.UserId, u.Email, $"{u.FirstName} {u.LastName}".Trim(), t.Role)
            : new JobHiringTeamMember(t.UserId, null, t.UserId, t.Role))]);
    }

    /// <summary>Changes seen at or after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<UserChange>> ChangesSinceAsync(long connectionId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<(long Id, string UserId, string? Email, string Name, string Kind, string? Before, string? After, long ChangedMs)>(new CommandDefinition(
            "SELECT id, user_id, email, name, kind, before_value, after_value, changed_ms FROM user_changes WHERE connection_id = @connectionId AND changed_ms >= @since ORDER BY changed_ms, id",
            new { connectionId, since = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new UserChange(r.Id, r.UserId, r.Email, r.Name, r.Kind, r.Before, r.After, DateTimeOffset.FromUnixTimeMilliseconds(r.ChangedMs)))];
    }

    /// <summary>Every user's seats, read again only when the connection's jobs or applications changed since the last read.</summary>
    private async Task<Dictionary<string, List<HiringTeamSeat>>> CachedSeatsAsync(DbConnection db, long connectionId, CancellationToken cancellationToken)
    {
        // A pass that writes, deletes or re-sees a row moves last_seen_ms or deleted_ms; a new row moves the count.
        var parts = await db.QueryFirstAsync<(long Jobs, long? JobSeen, long? JobDeleted, long Applications, long? ApplicationSeen, long? ApplicationDeleted)>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM mirror_jobs WHERE connection_id = @connectionId), (SELECT MAX(last_seen_ms) FROM mirror_jobs WHERE connection_id = @connectionId), " +
            "(SELECT MAX(deleted_ms) FROM mirror_jobs WHERE connection_id = @connectionId), (SELECT COUNT(*) FROM mirror_applications WHERE connection_id = @connectionId), " +
            "(SELECT MAX(last_seen_ms) FROM mirror_applications WHERE connection_id = @connectionId), (SELECT MAX(deleted_ms) FROM mirror_applications WHERE connection_id = @connectionId)",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var fingerprint = parts.ToString();
        if (_seats.TryGetValue(connectionId, out var cached) && cached.Fingerprint == fingerprint) return cached.Seats;
        var seats = await SeatsAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
        _seats[connectionId] = (fingerprint, seats);
        return seats;
    }

    /// <summary>
    /// Every user's hiring team seats, by user id, from one scan of the jobs and applications. An application's team
    /// starts as a copy of its job's, so seats the job already gives are not repeated.
    /// </summary>
    private static async Task<Dictionary<string, List<HiringTeamSeat>>> SeatsAsync(DbConnection db, long connectionId, CancellationToken cancellationToken)
    {
        var seats = new Dictionary<string, List<HiringTeamSeat>>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        var jobTeams = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        foreach (var (id, title, json) in await db.QueryAsync<(string, string?, string)>(new CommandDefinition(
            "SELECT id, title, raw_json FROM mirror_jobs WHERE connection_id = @connectionId AND deleted_ms IS NULL", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            titles[id] = title;
            var team = new HashSet<(string, string)>();
            foreach (var (userId, role) in Team(json))
            {
                team.Add((userId, role));
                Add(seats, userId, new HiringTeamSeat(HiringTeamSeat.JobLevel, id, title, null, null, role));
            }

            jobTeams[id] = team;
        }

        foreach (var (id, jobId, json) in await db.QueryAsync<(string, string?, string)>(new CommandDefinition(
            "SELECT id, job_id, raw_json FROM mirror_applications WHERE connection_id = @connectionId AND deleted_ms IS NULL", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            var inherited = jobId is not null && jobTeams.TryGetValue(jobId, out var t) ? t : null;
            string? candidate = null;
            foreach (var (userId, role) in Team(json))
            {
                if (inherited?.Contains((userId, role)) == true) continue;
                candidate ??= CandidateName(json);
                Add(seats, userId, new HiringTeamSeat(HiringTeamSeat.ApplicationLevel, jobId ?? "", jobId is null ? null : titles.GetValueOrDefault(jobId), id, candidate, role));
            }
        }

        return seats;
    }

    private static void Add(Dictionary<string, List<HiringTeamSeat>> seats, string userId, HiringTeamSeat seat)
    {
        if (!seats.TryGetValue(userId, out var list)) seats[userId] = list = [];
        list.Add(seat);
    }

    /// <summary>The (user id, role) pairs of a mirrored row's <c>hiringTeam</c>.</summary>
    internal static IEnumerable<(string UserId, string Role)> Team(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("hiringTeam", out var team) || team.ValueKind != JsonValueKind.Array) return [];
        var members = new List<(string, string)>();
        foreach (var m in team.EnumerateArray())
        {
            if (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("userId", out var u) && u.ValueKind == JsonValueKind.String)
            {
                members.Add((u.GetString()!, m.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : ""));
            }
        }

        return members;
    }

    private static string? CandidateName(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("candidate", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()
            : null;
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string? Email { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? GlobalRole { get; set; }

        public long Enabled { get; set; }

        public long? UpdatedMs { get; set; }

        public DirectoryUser ToUser(IReadOnlyList<HiringTeamSeat> seats) => new(
            Id, Email, FirstName ?? "", LastName ?? "", GlobalRole, Enabled == 1, UpdatedMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, seats);
    }
}
