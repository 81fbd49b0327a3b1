using System.Data.Common;
using Dapper;

namespace Ashbridge.Core.OrgChart;

/// <summary>The <c>org_people</c> rows as the chart's classes read and write them.</summary>
internal static class OrgPeopleRows
{
    internal const string Columns =
        "id AS Id, email AS Email, name AS Name, title AS Title, department AS Department, manager_id AS ManagerId, manager_set_ms AS ManagerSetMs, "
        + "member_id AS MemberId, member_state AS MemberState, user_state AS UserState, imported_ms AS ImportedMs, deleted_ms AS DeletedMs";

    internal static async Task<List<Row>> AllAsync(DbConnection db, DbTransaction? transaction, CancellationToken cancellationToken) =>
        [.. await db.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM org_people ORDER BY id", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)];

    /// <summary>The e-mail address as the chart keys people: trimmed and lower-cased.</summary>
    internal static string Key(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// The loop a new manager would make: walking up from <paramref name="managerId"/> reaches <paramref name="personId"/>;
    /// the e-mails from the person round to them again, or <see langword="null"/> when there is no loop.
    /// </summary>
    internal static List<string>? LoopIf(long personId, long managerId, IReadOnlyDictionary<long, Row> people)
    {
        var chain = new List<string> { people[personId].Email };
        var seen = new HashSet<long> { personId };
        for (long? at = managerId; at is { } id && people.TryGetValue(id, out var row); at = row.ManagerId)
        {
            chain.Add(row.Email);
            if (id == personId) return chain;
            if (!seen.Add(id)) return null; // an older loop above, not through this person
        }

        return null;
    }

    internal sealed class Row
    {
        public long Id { get; set; }
        public string Email { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Title { get; set; }
        public string? Department { get; set; }
        public long? ManagerId { get; set; }
        public long? ManagerSetMs { get; set; }
        public long? MemberId { get; set; }
        public string? MemberState { get; set; }
        public string? UserState { get; set; }
        public long? ImportedMs { get; set; }
        public long? DeletedMs { get; set; }

        /// <summary>
        /// Why the person left the chart: deleted by an admin; an offboarded (or deleted) member; an Ashby user deactivated
        /// (or gone) who is not an active member. An imported person alone never leaves by themselves.
        /// </summary>
        public string? RemovedReason =>
            DeletedMs is not null ? "deleted from the chart"
            : MemberState == "offboarded" ? "offboarded"
            : MemberState == "gone" && UserState != "enabled" ? "no longer a member"
            : MemberState != "active" && UserState == "disabled" ? "deactivated in Ashby"
            : MemberState != "active" && UserState == "gone" ? "no longer an Ashby user"
            : null;

        public OrgPerson ToPerson() => new(
            Id, Email, Name, Title, Department, ManagerId, MemberState is not null, UserState is not null, ImportedMs is not null, RemovedReason);
    }
}
