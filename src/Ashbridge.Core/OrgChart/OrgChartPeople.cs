using System.Data.Common;
using Ashbridge.Core.Access;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.OrgChart;

/// <summary>
/// The people of the hub's org chart, kept in step with the members and every connection's Ashby users, and their managers.
/// </summary>
/// <remarks>
/// Members change in several places (added from a new hire by <c>NewHireReview</c>, edited, offboarded and reinstated by
/// <c>MemberLifecycle</c>), none of which announces it in-process. Rather than hook each of them (and miss the next), the
/// chart refreshes lazily: every read first compares one cheap fingerprint of the members, Ashby users and open roles
/// (counts and latest change times, one statement) with the one it last refreshed from, and re-reads only when it moved.
/// Ashby users are also refreshed by <see cref="OrgChartObserver"/> right after a pass changes them.
/// </remarks>
public sealed class OrgChartPeople(AshbridgeDatabase database, OpenRoleCatalog roles, TimeProvider timeProvider) : IDisposable
{
    private const string FingerprintSql =
        """
        SELECT CAST((SELECT COUNT(*) FROM members) AS VARCHAR(20)) || '/' || CAST(COALESCE((SELECT MAX(created_ms) FROM members), 0) AS VARCHAR(20))
            || '/' || CAST(COALESCE((SELECT MAX(updated_ms) FROM members), 0) AS VARCHAR(20)) || '/' || CAST((SELECT COUNT(*) FROM members WHERE offboarded_ms IS NULL) AS VARCHAR(20))
            || '/' || CAST((SELECT COUNT(*) FROM mirror_users) AS VARCHAR(20)) || '/' || CAST(COALESCE((SELECT MAX(last_seen_ms) FROM mirror_users), 0) AS VARCHAR(20))
            || '/' || CAST((SELECT COUNT(*) FROM mirror_users WHERE is_enabled = @yes AND deleted_ms IS NULL) AS VARCHAR(20))
            || '/' || CAST((SELECT COUNT(*) FROM open_roles) AS VARCHAR(20)) || '/' || CAST(COALESCE((SELECT MAX(updated_ms) FROM open_roles), 0) AS VARCHAR(20))
            || '/' || CAST((SELECT COUNT(*) FROM open_roles WHERE closed_ms IS NULL) AS VARCHAR(20))
            || '/' || CAST((SELECT COUNT(*) FROM org_people) AS VARCHAR(20)) || '/' || CAST(COALESCE((SELECT MAX(updated_ms) FROM org_people), 0) AS VARCHAR(20))
            || '/' || CAST((SELECT COUNT(*) FROM org_role_placements) AS VARCHAR(20)) || '/' || CAST(COALESCE((SELECT MAX(placed_ms) FROM org_role_placements), 0) AS VARCHAR(20))
        """;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly TimeProvider _time = timeProvider;
    private volatile string? _refreshedFrom;

    /// <summary>Every person, removed ones too, by name.</summary>
    public async Task<IReadOnlyList<OrgPerson>> ListAsync(CancellationToken cancellationToken = default)
    {
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await OrgPeopleRows.AllAsync(db, null, cancellationToken).ConfigureAwait(false)).Select(r => r.ToPerson()).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One person, or <see langword="null"/>.</summary>
    public async Task<OrgPerson?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<OrgPeopleRows.Row>(new CommandDefinition(
            $"SELECT {OrgPeopleRows.Columns} FROM org_people WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToPerson();
    }

    /// <summary>The person with this e-mail address (any case), or <see langword="null"/>.</summary>
    public async Task<OrgPerson?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<OrgPeopleRows.Row>(new CommandDefinition(
            $"SELECT {OrgPeopleRows.Columns} FROM org_people WHERE email = @email", new { email = OrgPeopleRows.Key(email) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToPerson();
    }

    /// <summary>Sets (or, with <see langword="null"/>, clears) the person's manager; audited.</summary>
    /// <exception cref="OrgChartNotFoundException">There is no such person, or the manager is not (or no longer) in the chart.</exception>
    /// <exception cref="OrgChartCycleException">The person would end up managing themselves; the message names the loop.</exception>
    public async Task<OrgPerson> SetManagerAsync(long personId, long? managerId, string actor, CancellationToken cancellationToken = default)
    {
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var people = (await OrgPeopleRows.AllAsync(db, transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Id);
        if (!people.TryGetValue(personId, out var person)) throw new OrgChartNotFoundException($"There is no person {personId} in the chart.");
        if (managerId is { } id)
        {
            if (!people.TryGetValue(id, out var manager)) throw new OrgChartNotFoundException($"There is no person {id} in the chart to be the manager.");
            if (manager.RemovedReason is { } why) throw new OrgChartNotFoundException($"{manager.Name} ({manager.Email}) cannot be a manager: {why}.");
            if (OrgPeopleRows.LoopIf(personId, id, people) is { } loop) throw new OrgChartCycleException(loop);
        }

        var now = _time.NowAsStored();
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE org_people SET manager_id = @managerId, manager_set_ms = @now, updated_ms = @now WHERE id = @personId",
            new { managerId, now, personId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var to = managerId is { } m ? $"reports to {people[m].Email}" : "reports to nobody";
        await AuditLog.WriteAsync(db, transaction, now, actor, "org-chart.manager", person.Email, to, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        person.ManagerId = managerId;
        person.ManagerSetMs = now.ToUnixTimeMilliseconds();
        return person.ToPerson();
    }

    /// <summary>Deletes the person from the chart: they stay a row, marked removed, so their reports and roles are flagged rather than lost.</summary>
    /// <exception cref="OrgChartNotFoundException">There is no such person.</exception>
    public async Task<OrgPerson> DeleteAsync(long personId, string actor, CancellationToken cancellationToken = default)
    {
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<OrgPeopleRows.Row>(new CommandDefinition(
            $"SELECT {OrgPeopleRows.Columns} FROM org_people WHERE id = @personId", new { personId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new OrgChartNotFoundException($"There is no person {personId} in the chart.");
        var now = _time.NowAsStored();
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE org_people SET deleted_ms = @now, updated_ms = @now WHERE id = @personId", new { now, personId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.WriteAsync(db, transaction, now, actor, "org-chart.delete", row.Email, row.Name, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        row.DeletedMs = now.ToUnixTimeMilliseconds();
        return row.ToPerson();
    }

    /// <summary>Refreshes the people when the members, Ashby users or open roles moved since the last refresh.</summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken = default)
    {
        string fingerprint;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            fingerprint = await db.ExecuteScalarAsync<string>(new CommandDefinition(FingerprintSql, new { yes = true }, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? "";
        }

        if (fingerprint == _refreshedFrom) return;
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _refreshedFrom = fingerprint; // what it refreshed from at least; a change during the refresh moves it again
    }

    /// <summary>
    /// Brings the people in step with the members and Ashby users: one person per e-mail, new ones added, names kept up to
    /// date (an imported person's name, title and department are the import's), each marked removed when they were
    /// offboarded or deactivated. A member hired onto a role's job, with no manager yet, is placed where the role sat.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refreshing.Dispose();

    /// <summary>Forgets the fingerprint, so the next read refreshes (after the chart's own writes, and a pass that changed users).</summary>
    internal void Invalidate() => _refreshedFrom = null;

    private async Task RefreshLockedAsync(CancellationToken cancellationToken)
    {
        // The roles first, on the catalog's own connection, before this refresh holds a write transaction.
        var connectionIds = await ListConnectionIdsAsync(database, cancellationToken).ConfigureAwait(false);
        var allRoles = new List<OpenRole>();
        foreach (var connectionId in connectionIds) allRoles.AddRange(await roles.ListAsync(connectionId, includeClosed: true, cancellationToken: cancellationToken).ConfigureAwait(false));

        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.NowMs();
        var people = await OrgPeopleRows.AllAsync(db, transaction, cancellationToken).ConfigureAwait(false);
        var byEmail = people.ToDictionary(p => p.Email, StringComparer.Ordinal);

        var members = (await db.QueryAsync<MemberRow>(new CommandDefinition(
            "SELECT id AS Id, first_name AS FirstName, last_name AS LastName, personal_email AS Email, job_title AS JobTitle, department AS Department, offboarded_ms AS OffboardedMs FROM members ORDER BY id",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Where(m => m.Email.Contains('@', StringComparison.Ordinal))
            .GroupBy(m => OrgPeopleRows.Key(m.Email), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.LastOrDefault(m => m.OffboardedMs is null) ?? g.Last(), StringComparer.Ordinal);
        var users = (await db.QueryAsync<UserRow>(new CommandDefinition(
            "SELECT email AS Email, first_name AS FirstName, last_name AS LastName, is_enabled AS IsEnabled, deleted_ms AS DeletedMs FROM mirror_users WHERE email IS NOT NULL AND merged_into_id IS NULL ORDER BY connection_id, id",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Where(u => u.Email.Contains('@', StringComparison.Ordinal))
            .GroupBy(u => OrgPeopleRows.Key(u.Email), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(u => u.Active) ?? g.FirstOrDefault(u => u.DeletedMs is null) ?? g.First(), StringComparer.Ordinal);

        foreach (var email in members.Keys.Union(users.Keys, StringComparer.Ordinal).Union(byEmail.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            members.TryGetValue(email, out var member);
            users.TryGetValue(email, out var user);
            byEmail.TryGetValue(email, out var person);
            var memberState = member is not null ? (member.OffboardedMs is null ? "active" : "offboarded") : person?.MemberState is null ? null : "gone";
            var userState = user is not null ? (user.Active ? "enabled" : user.DeletedMs is null ? "disabled" : "gone") : person?.UserState is null ? null : "gone";
            var name = member is not null ? $"{member.FirstName} {member.LastName}".Trim() : user?.Name ?? person?.Name ?? email;
            if (name.Length == 0) name = email;
            var title = member is not null ? member.JobTitle : person?.Title;
            var department = member is not null ? member.Department : person?.Department;
            if (person is null)
            {
                var id = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    INSERT INTO org_people (email, name, title, department, member_id, member_state, user_state, created_ms, updated_ms)
                    VALUES (@email, @name, @title, @department, @memberId, @memberState, @userState, @now, @now)
                    ON CONFLICT (email) DO NOTHING RETURNING id
                    """,
                    new { email, name, title, department, memberId = member?.Id, memberState, userState, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (id is { } added)
                {
                    var row = new OrgPeopleRows.Row { Id = added, Email = email, Name = name, Title = title, Department = department, MemberId = member?.Id, MemberState = memberState, UserState = userState };
                    people.Add(row);
                    byEmail[email] = row;
                }

                continue;
            }

            // An imported person's name, title and department are the import's; the sources only say whether they left.
            if (person.ImportedMs is not null) (name, title, department) = (person.Name, person.Title, person.Department);
            if (person.Name == name && person.Title == title && person.Department == department && person.MemberId == (member?.Id ?? person.MemberId)
                && person.MemberState == memberState && person.UserState == userState)
            {
                continue;
            }

            await db.ExecuteAsync(new CommandDefinition(
                """
                UPDATE org_people SET name = @name, title = @title, department = @department, member_id = @memberId, member_state = @memberState, user_state = @userState, updated_ms = @now
                WHERE id = @Id
                """,
                new { name, title, department, memberId = member?.Id ?? person.MemberId, memberState, userState, now, person.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            (person.Name, person.Title, person.Department, person.MemberId, person.MemberState, person.UserState) = (name, title, department, member?.Id ?? person.MemberId, memberState, userState);
        }

        await PlaceHiresAsync(db, transaction, allRoles, people, byEmail, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A filled role: the member hired onto its job takes its place under the same manager, unless their manager was set already.</summary>
    private static async Task PlaceHiresAsync(
        DbConnection db, DbTransaction transaction, List<OpenRole> allRoles, List<OrgPeopleRows.Row> people, Dictionary<string, OrgPeopleRows.Row> byEmail, long now, CancellationToken cancellationToken)
    {
        if (allRoles.Count == 0) return;
        var hires = await HiresAsync(db, transaction, cancellationToken).ConfigureAwait(false);
        if (hires.Count == 0) return;
        var placements = await PlacementsAsync(db, transaction, cancellationToken).ConfigureAwait(false);
        var rolesByJob = allRoles.Where(r => r.JobId is not null).GroupBy(r => (r.ConnectionId, r.JobId!)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.IsOpen ? 0 : 1).First());
        var byId = people.ToDictionary(p => p.Id);
        foreach (var hire in hires)
        {
            if (hire.OffboardedMs is not null || !byEmail.TryGetValue(OrgPeopleRows.Key(hire.Email), out var person)) continue;
            if (person.ManagerSetMs is not null || person.ManagerId is not null) continue;
            if (!rolesByJob.TryGetValue((hire.ConnectionId, hire.JobId), out var role)) continue;
            var placed = RolePlacementRules.For(role, placements.GetValueOrDefault((role.ConnectionId, role.PostingId)), byEmail);
            if (placed.ManagerId is not { } managerId || managerId == person.Id || OrgPeopleRows.LoopIf(person.Id, managerId, byId) is not null) continue;
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE org_people SET manager_id = @managerId, manager_set_ms = @now, updated_ms = @now WHERE id = @Id",
                new { managerId, now, person.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            (person.ManagerId, person.ManagerSetMs) = (managerId, now);
        }
    }

    internal static async Task<IReadOnlyList<long>> ListConnectionIdsAsync(AshbridgeDatabase database, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return [.. await db.QueryAsync<long>(new CommandDefinition("SELECT id FROM connections ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    /// <summary>Members added from a hire, with the job they were hired onto (from the mirror's application).</summary>
    internal static async Task<List<HireRow>> HiresAsync(DbConnection db, DbTransaction? transaction, CancellationToken cancellationToken) =>
        [.. await db.QueryAsync<HireRow>(new CommandDefinition(
            """
            SELECT m.id AS MemberId, m.connection_id AS ConnectionId, a.job_id AS JobId, m.personal_email AS Email, m.offboarded_ms AS OffboardedMs
            FROM members m JOIN mirror_applications a ON a.connection_id = m.connection_id AND a.id = m.application_id
            WHERE a.job_id IS NOT NULL ORDER BY m.id
            """, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)];

    internal static async Task<Dictionary<(long, string), RolePlacementRules.PlacementRow>> PlacementsAsync(DbConnection db, DbTransaction? transaction, CancellationToken cancellationToken) =>
        (await db.QueryAsync<RolePlacementRules.PlacementRow>(new CommandDefinition(
            "SELECT connection_id AS ConnectionId, posting_id AS PostingId, manager_id AS ManagerId, placed_ms AS PlacedMs, placed_by AS PlacedBy FROM org_role_placements",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        .ToDictionary(p => (p.ConnectionId, p.PostingId));

    private sealed class MemberRow
    {
        public long Id { get; set; }
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string Email { get; set; } = "";
        public string? JobTitle { get; set; }
        public string? Department { get; set; }
        public long? OffboardedMs { get; set; }
    }

    private sealed class UserRow
    {
        public string Email { get; set; } = "";
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public bool? IsEnabled { get; set; }
        public long? DeletedMs { get; set; }

        public bool Active => IsEnabled != false && DeletedMs is null;

        public string Name => $"{FirstName} {LastName}".Trim();
    }

    internal sealed class HireRow
    {
        public long MemberId { get; set; }
        public long ConnectionId { get; set; }
        public string JobId { get; set; } = "";
        public string Email { get; set; } = "";
        public long? OffboardedMs { get; set; }
    }
}
