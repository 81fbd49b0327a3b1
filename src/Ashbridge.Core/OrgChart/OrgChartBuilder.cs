using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.OrgChart;

/// <summary>
/// Builds the chart: the people still in it, the removed ones someone still reports to (flagged, so nobody is lost or
/// silently moved), and each open role under the manager it was placed or suggested under. A role filled by a member
/// hired onto its job gives way to that member (unless the job still has open openings).
/// </summary>
public sealed class OrgChartBuilder(AshbridgeDatabase database, OpenRoleCatalog roles, OrgChartPeople people, TimeProvider timeProvider)
{
    /// <summary>The chart of the whole hub, or of one department (with the managers above its people, flagged <c>outside-department</c>).</summary>
    /// <param name="connectionIds">Only the roles of these connections (a token limited to one); <see langword="null"/> for all. People are hub-wide.</param>
    public async Task<OrgChartView> BuildAsync(string? department = null, IReadOnlyCollection<long>? connectionIds = null, CancellationToken cancellationToken = default)
    {
        await people.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        List<(long Id, string Name)> connections;
        List<OrgPeopleRows.Row> everyone;
        Dictionary<(long, string), RolePlacementRules.PlacementRow> placements;
        List<OrgChartPeople.HireRow> hires;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            connections = [.. (await db.QueryAsync<(long, string)>(new CommandDefinition("SELECT id, name FROM connections ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Where(c => connectionIds is null || connectionIds.Contains(c.Item1))];
            everyone = await OrgPeopleRows.AllAsync(db, null, cancellationToken).ConfigureAwait(false);
            placements = await OrgChartPeople.PlacementsAsync(db, null, cancellationToken).ConfigureAwait(false);
            hires = await OrgChartPeople.HiresAsync(db, null, cancellationToken).ConfigureAwait(false);
        }

        var openRoles = new List<(OpenRole Role, string Connection)>();
        foreach (var (id, name) in connections)
        {
            openRoles.AddRange((await roles.ListAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false)).Select(r => (r, name)));
        }

        var nodes = Build(everyone, openRoles, placements, hires);
        var departments = nodes.Where(n => n.Department is { Length: > 0 } && !n.Flags.Contains("removed")).Select(n => n.Department!)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (department is { Length: > 0 }) nodes = OfDepartment(nodes, department.Trim());
        return new OrgChartView(
            department is { Length: > 0 } ? department.Trim() : null, nodes, departments,
            nodes.Count(n => n.Kind == OrgChartNode.PersonKind && !n.Flags.Contains("outside-department")), nodes.Count(n => n.Kind == OrgChartNode.RoleKind),
            nodes.Count(n => n.Flags.Any(f => f is "removed" or "manager-removed" or "no-manager" or "loop")), timeProvider.NowAsStored());
    }

    private static List<OrgChartNode> Build(
        List<OrgPeopleRows.Row> everyone, List<(OpenRole Role, string Connection)> openRoles,
        Dictionary<(long, string), RolePlacementRules.PlacementRow> placements, List<OrgChartPeople.HireRow> hires)
    {
        var byId = everyone.ToDictionary(p => p.Id);
        var byEmail = everyone.ToDictionary(p => p.Email, StringComparer.Ordinal);
        var hiredOnto = hires.Where(h => h.OffboardedMs is null).GroupBy(h => (h.ConnectionId, h.JobId)).ToDictionary(g => g.Key, g => g.ToList());

        // Roles first: which are drawn, under whom, and which members filled one.
        var roleNodes = new List<(OrgChartNode Node, long? ManagerId)>();
        var filled = new Dictionary<long, string>();
        foreach (var (role, connection) in openRoles)
        {
            var placement = RolePlacementRules.For(role, placements.GetValueOrDefault((role.ConnectionId, role.PostingId)), byEmail);
            var members = role.JobId is { } job && hiredOnto.TryGetValue((role.ConnectionId, job), out var h) ? h : null;
            if (members is not null)
            {
                foreach (var hire in members)
                {
                    if (byEmail.TryGetValue(OrgPeopleRows.Key(hire.Email), out var member)) filled[member.Id] = role.Title;
                }

                if (role.OpenOpenings <= 0) continue; // filled: the member stands where the role stood
            }

            var flags = new List<string>();
            if (placement.ManagerId is null) flags.Add("no-manager");
            else if (byId.TryGetValue(placement.ManagerId.Value, out var manager) && manager.RemovedReason is not null) flags.Add("manager-removed");
            roleNodes.Add((new OrgChartNode(
                $"r-{role.ConnectionId}-{role.PostingId}", OrgChartNode.RoleKind, role.Title, "Open role", role.DepartmentName, null, null, flags)
            {
                Connection = connection, PostingId = role.PostingId, Location = role.LocationName, Placement = placement.How, OpenOpenings = role.OpenOpenings,
            }, placement.ManagerId));
        }

        // People: those in the chart, and removed ones while someone (a person or a role) still hangs under them.
        var shown = new HashSet<long>(everyone.Where(p => p.RemovedReason is null).Select(p => p.Id));
        var pending = new Stack<long?>(shown.Select(id => byId[id].ManagerId).Concat(roleNodes.Select(r => r.ManagerId)));
        while (pending.Count > 0)
        {
            if (pending.Pop() is { } id && byId.TryGetValue(id, out var row) && shown.Add(id)) pending.Push(row.ManagerId);
        }

        var loops = Loops(shown, byId);
        var nodes = new List<OrgChartNode>(shown.Count + roleNodes.Count);
        foreach (var row in everyone.Where(p => shown.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            var flags = new List<string>();
            string? parent = null;
            if (row.RemovedReason is not null) flags.Add("removed");
            if (loops.Contains(row.Id)) flags.Add("loop");
            else if (row.ManagerId is { } managerId && shown.Contains(managerId))
            {
                parent = $"p-{managerId}";
                if (byId[managerId].RemovedReason is not null) flags.Add("manager-removed");
            }

            if (filled.TryGetValue(row.Id, out var roleTitle)) flags.Add("filled-role");
            nodes.Add(new OrgChartNode($"p-{row.Id}", OrgChartNode.PersonKind, row.Name, row.Title, row.Department, row.Email, parent, flags)
            {
                PersonId = row.Id, RemovedReason = row.RemovedReason, FilledRole = roleTitle,
            });
        }

        nodes.AddRange(roleNodes.Select(r => r.ManagerId is { } m && shown.Contains(m) ? r.Node with { ParentId = $"p-{m}" } : r.Node));
        return nodes;
    }

    /// <summary>The people whose manager link must be cut to keep a tree: one per loop (the import and the API refuse loops; this guards old data).</summary>
    private static HashSet<long> Loops(HashSet<long> shown, Dictionary<long, OrgPeopleRows.Row> byId)
    {
        var cut = new HashSet<long>();
        var done = new HashSet<long>();
        foreach (var start in shown)
        {
            var path = new List<long>();
            var onPath = new HashSet<long>();
            for (long? at = start; at is { } id && shown.Contains(id) && !done.Contains(id); at = byId[id].ManagerId)
            {
                if (!onPath.Add(id))
                {
                    cut.Add(id);
                    break;
                }

                path.Add(id);
            }

            done.UnionWith(path);
        }

        return cut;
    }

    /// <summary>The department's people and roles, with the managers above them for context (flagged) so they still form a tree.</summary>
    private static List<OrgChartNode> OfDepartment(List<OrgChartNode> nodes, string department)
    {
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var keep = new HashSet<string>(nodes.Where(n => string.Equals(n.Department, department, StringComparison.OrdinalIgnoreCase)).Select(n => n.Id), StringComparer.Ordinal);
        var context = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in keep.ToList())
        {
            for (var parent = byId[id].ParentId; parent is not null && !keep.Contains(parent) && context.Add(parent); parent = byId[parent].ParentId)
            {
            }
        }

        return [.. nodes.Where(n => keep.Contains(n.Id) || context.Contains(n.Id))
            .Select(n => context.Contains(n.Id) ? n with { Flags = [.. n.Flags, "outside-department"] } : n)];
    }
}
