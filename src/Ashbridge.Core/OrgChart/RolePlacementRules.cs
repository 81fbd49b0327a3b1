using Ashbridge.Core.OpenRoles;

namespace Ashbridge.Core.OrgChart;

/// <summary>The one rule for where a role sits: an admin's placement wins; else the job's hiring manager, matched to a person by e-mail.</summary>
internal static class RolePlacementRules
{
    internal static RolePlacement For(OpenRole role, PlacementRow? placed, IReadOnlyDictionary<string, OrgPeopleRows.Row> peopleByEmail)
    {
        if (placed is not null)
        {
            return new RolePlacement(placed.ManagerId, RolePlacement.Placed, $"Placed by {placed.PlacedBy}.", placed.PlacedBy, DateTimeOffset.FromUnixTimeMilliseconds(placed.PlacedMs));
        }

        if (role.HiringManager is not { } manager) return new RolePlacement(null, RolePlacement.None, "The job has no hiring manager in Ashby, so there is nothing to suggest.");
        var who = manager.Name is { Length: > 0 } name ? $"{name} ({manager.Email})" : manager.Email;
        if (manager.Email is not { Length: > 0 } email) return new RolePlacement(null, RolePlacement.None, $"The job's hiring manager {manager.Name} has no e-mail address in Ashby to match.");
        return peopleByEmail.TryGetValue(OrgPeopleRows.Key(email), out var person)
            ? new RolePlacement(person.Id, RolePlacement.Suggested, $"Suggested: {who} is the job's hiring manager in Ashby.")
            : new RolePlacement(null, RolePlacement.None, $"The job's hiring manager {who} is not in the chart.");
    }

    /// <summary>An <c>org_role_placements</c> row.</summary>
    internal sealed class PlacementRow
    {
        public long ConnectionId { get; set; }
        public string PostingId { get; set; } = "";
        public long ManagerId { get; set; }
        public long PlacedMs { get; set; }
        public string PlacedBy { get; set; } = "";
    }
}
