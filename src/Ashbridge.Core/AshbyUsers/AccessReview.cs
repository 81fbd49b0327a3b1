using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>
/// Who has Ashby access and whether they should, from the mirror and the people the hub knows: members from the new-hire
/// flow (active or offboarded) and people imported into the org chart, matched to Ashby users by email (case ignored).
/// Ashby says nothing about sign-ins, so "idle" means on no hiring team and the user record unchanged for
/// <see cref="IdleDays"/> days.
/// </summary>
public sealed class AccessReview(AshbridgeDatabase database, AshbyUserDirectory directory, TimeProvider timeProvider)
{
    /// <summary>Days without a change to the user record after which a user on no hiring team counts as idle.</summary>
    public const int IdleDays = 90;

    /// <summary>Reviews the connection's users.</summary>
    public async Task<AccessReviewReport> ReviewAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        var users = await directory.AllAsync(connectionId, cancellationToken).ConfigureAwait(false);
        HashSet<string> active;
        HashSet<string> offboarded;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            active = [.. await db.QueryAsync<string>(new CommandDefinition(
                "SELECT LOWER(personal_email) FROM members WHERE offboarded_ms IS NULL " +
                "UNION SELECT LOWER(email) FROM org_people WHERE imported_ms IS NOT NULL AND deleted_ms IS NULL AND (member_state IS NULL OR member_state <> 'offboarded')",
                cancellationToken: cancellationToken)).ConfigureAwait(false)];
            offboarded = [.. await db.QueryAsync<string>(new CommandDefinition(
                "SELECT LOWER(personal_email) FROM members WHERE offboarded_ms IS NOT NULL", cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }

        var now = timeProvider.GetUtcNow();
        var idleBefore = now.AddDays(-IdleDays);
        var findings = new List<AccessFinding>();
        foreach (var user in users.Where(u => u.IsEnabled))
        {
            var email = user.Email?.ToLowerInvariant() ?? "";
            if (offboarded.Contains(email) && !active.Contains(email))
            {
                findings.Add(new(AccessFindingKind.OffboardedStillEnabled, user, "Offboarded in the hub, still enabled in Ashby: deactivate the account."));
            }
            else if (!active.Contains(email))
            {
                findings.Add(new(AccessFindingKind.NotInDirectory, user, "Still has access, not in the directory: no active member or imported person has this email."));
            }

            if (user.IsPrivileged) findings.Add(new(AccessFindingKind.Privileged, user, $"Holds {user.GlobalRole}."));
            if (user.HiringTeams.Count == 0 && (user.UpdatedAt is null || user.UpdatedAt < idleBefore))
            {
                var since = user.UpdatedAt is { } at ? $"unchanged since {at:yyyy-MM-dd}" : "never updated";
                findings.Add(new(AccessFindingKind.Idle, user, $"On no hiring team, {since}."));
            }
        }

        return new AccessReviewReport(now, users.Count, users.Count(u => u.IsEnabled), findings);
    }
}
