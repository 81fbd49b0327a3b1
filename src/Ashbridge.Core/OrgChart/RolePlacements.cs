using Ashbridge.Core.Access;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.OrgChart;

/// <summary>
/// Where each open role sits ("Add manager", as in The Org): under its job's hiring manager until an admin places it; the
/// admin's choice is kept per connection and posting, through later imports of roles and people, until it is cleared.
/// </summary>
public sealed class RolePlacements(AshbridgeDatabase database, OpenRoleCatalog roles, OrgChartPeople people, TimeProvider timeProvider)
{
    /// <summary>The role with its placement, suggestion and who filled it, or <see langword="null"/> when there is no such role.</summary>
    public async Task<RolePlacementView?> FindAsync(long connectionId, string postingId, CancellationToken cancellationToken = default)
    {
        if (await roles.FindAsync(connectionId, postingId, cancellationToken).ConfigureAwait(false) is not { } role) return null;
        await people.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var everyone = await OrgPeopleRows.AllAsync(db, null, cancellationToken).ConfigureAwait(false);
        var byEmail = everyone.ToDictionary(p => p.Email, StringComparer.Ordinal);
        var byId = everyone.ToDictionary(p => p.Id);
        var placements = await OrgChartPeople.PlacementsAsync(db, null, cancellationToken).ConfigureAwait(false);
        var placement = RolePlacementRules.For(role, placements.GetValueOrDefault((connectionId, postingId)), byEmail);
        var suggestion = RolePlacementRules.For(role, null, byEmail);
        var hire = role.JobId is null ? null : (await OrgChartPeople.HiresAsync(db, null, cancellationToken).ConfigureAwait(false))
            .LastOrDefault(h => h.ConnectionId == connectionId && h.JobId == role.JobId);
        OrgPerson? Person(long? id) => id is { } i && byId.TryGetValue(i, out var row) ? row.ToPerson() : null;
        return new RolePlacementView(
            role, placement, Person(placement.ManagerId), Person(suggestion.ManagerId), suggestion.Why,
            hire is not null && byEmail.TryGetValue(OrgPeopleRows.Key(hire.Email), out var filled) ? filled.ToPerson() : null);
    }

    /// <summary>Places the role under <paramref name="managerId"/>; audited.</summary>
    /// <exception cref="OrgChartNotFoundException">There is no such role, or no such person (or they left the chart).</exception>
    public async Task<RolePlacementView> PlaceAsync(long connectionId, string postingId, long managerId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postingId);
        if (await roles.FindAsync(connectionId, postingId, cancellationToken).ConfigureAwait(false) is not { } role) throw NoSuchRole(postingId);
        var manager = await people.FindAsync(managerId, cancellationToken).ConfigureAwait(false) ?? throw new OrgChartNotFoundException($"There is no person {managerId} in the chart.");
        if (manager.RemovedReason is { } why) throw new OrgChartNotFoundException($"{manager.Name} ({manager.Email}) cannot be a manager: {why}.");
        var now = timeProvider.NowAsStored();
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO org_role_placements (connection_id, posting_id, manager_id, placed_ms, placed_by) VALUES (@connectionId, @postingId, @managerId, @now, @actor)
                ON CONFLICT (connection_id, posting_id) DO UPDATE SET manager_id = excluded.manager_id, placed_ms = excluded.placed_ms, placed_by = excluded.placed_by
                """, new { connectionId, postingId, managerId, now, actor }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await AuditLog.WriteAsync(db, transaction, now, actor, "org-chart.place-role", $"{role.Title} ({postingId})", $"under {manager.Email}", cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return (await FindAsync(connectionId, postingId, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Forgets the admin's placement: the role goes back under its suggested manager. Returns the role as it now sits.</summary>
    /// <exception cref="OrgChartNotFoundException">There is no such role.</exception>
    public async Task<RolePlacementView> ClearAsync(long connectionId, string postingId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postingId);
        if (await roles.FindAsync(connectionId, postingId, cancellationToken).ConfigureAwait(false) is not { } role) throw NoSuchRole(postingId);
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var removed = await db.ExecuteAsync(new CommandDefinition(
                "DELETE FROM org_role_placements WHERE connection_id = @connectionId AND posting_id = @postingId", new { connectionId, postingId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (removed > 0)
            {
                await AuditLog.WriteAsync(db, transaction, timeProvider.NowAsStored(), actor, "org-chart.unplace-role", $"{role.Title} ({postingId})", "back to the suggestion", cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return (await FindAsync(connectionId, postingId, cancellationToken).ConfigureAwait(false))!;
    }

    private static OrgChartNotFoundException NoSuchRole(string postingId) => new($"There is no open role for posting {postingId} in this connection.");
}
