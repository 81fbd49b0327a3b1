using Ashbridge.Ashby;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>
/// Adds a user to (or removes one from) a job's or an application's hiring team. Everything that can be known without
/// Ashby is checked first, from the connection's stored key check and the mirror: the permission, the user (found by
/// email, enabled), the job (open, not confidential) or application, the role. Only then is the write sent, through the
/// connection's shared client (its request budget); it is audited, and the job's or application's stream is re-read at
/// once so the mirror shows the change (if a pass is running, its webhook or the next pass brings it instead).
/// </summary>
public sealed class HiringTeamWrites(
    AshbridgeDatabase database, ConnectionStore connections, AshbyClientPool clients, AshbyUserDirectory directory, ConnectionSync sync, AuditLog audit)
{
    /// <summary>The roles and the levels the key cannot write.</summary>
    public async Task<HiringTeamChoices> ChoicesAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var roles = await db.QueryAsync<(string Id, string? Title)>(new CommandDefinition(
            "SELECT id, title FROM mirror_hiring_team_roles WHERE connection_id = @connectionId AND deleted_ms IS NULL ORDER BY title, id",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var jobs = await db.QueryAsync<(string Id, string? Title)>(new CommandDefinition(
            "SELECT id, title FROM mirror_jobs WHERE connection_id = @connectionId AND deleted_ms IS NULL AND status IN ('Open', 'Draft') AND is_confidential = FALSE ORDER BY title, id",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var preflight = await connections.LoadPreflightAsync(connectionId, cancellationToken).ConfigureAwait(false);
        return new HiringTeamChoices(
            [.. roles.Select(r => new HiringTeamRoleChoice(r.Id, r.Title ?? r.Id))],
            Missing(preflight, AshbyPermissions.OrganizationWrite, "hiringTeam.addMember"),
            Missing(preflight, AshbyPermissions.CandidatesWrite, "application.addHiringTeamMember"),
            [.. jobs.Select(j => new HiringTeamJobChoice(j.Id, j.Title ?? j.Id))]);
    }

    /// <summary>Adds the user to the team with the role.</summary>
    public Task<HiringTeamOutcome> AddAsync(long connectionId, HiringTeamTarget target, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(connectionId, target, actor, add: true, cancellationToken);

    /// <summary>Removes the user's role from the team (Ashby allows removing a deactivated user).</summary>
    public Task<HiringTeamOutcome> RemoveAsync(long connectionId, HiringTeamTarget target, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(connectionId, target, actor, add: false, cancellationToken);

    private async Task<HiringTeamOutcome> ChangeAsync(long connectionId, HiringTeamTarget target, string actor, bool add, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var jobId = Blank(target.JobId);
        var applicationId = Blank(target.ApplicationId);
        var email = Blank(target.UserEmail);
        var roleId = Blank(target.RoleId);
        if ((jobId is null) == (applicationId is null)) return Refused(HiringTeamRefusalKind.Invalid, "Give exactly one of jobId or applicationId.");
        if (email is null) return Refused(HiringTeamRefusalKind.Invalid, "Give the user's email (userEmail).");
        if (roleId is null) return Refused(HiringTeamRefusalKind.Invalid, "Give the hiring team role's id (roleId), from the roles list.");

        var connection = await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException($"There is no connection with id {connectionId}.");
        var preflight = await connections.LoadPreflightAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var blocked = jobId is not null
            ? Missing(preflight, AshbyPermissions.OrganizationWrite, add ? "hiringTeam.addMember" : "hiringTeam.removeMember")
            : Missing(preflight, AshbyPermissions.CandidatesWrite, add ? "application.addHiringTeamMember" : "application.removeHiringTeamMember");
        if (blocked is not null) return Refused(HiringTeamRefusalKind.MissingPermission, blocked);

        var user = await directory.FindByEmailAsync(connectionId, email, cancellationToken).ConfigureAwait(false);
        if (user is null) return Refused(HiringTeamRefusalKind.UserNotFound, $"No Ashby user of {connection.Name} has the email {email}.");
        if (add && !user.IsEnabled) return Refused(HiringTeamRefusalKind.UserDeactivated, $"{user.Name} ({user.Email}) is deactivated in Ashby and cannot join a hiring team.");

        string what;
        string? role;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            if (jobId is not null)
            {
                var job = await db.QueryFirstOrDefaultAsync<(string? Title, string? Status, long Confidential)>(new CommandDefinition(
                    "SELECT title, status, CASE WHEN is_confidential = TRUE THEN 1 ELSE 0 END FROM mirror_jobs WHERE connection_id = @connectionId AND id = @jobId AND deleted_ms IS NULL",
                    new { connectionId, jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (job == default) return Refused(HiringTeamRefusalKind.JobNotFound, $"There is no job {jobId} in {connection.Name}'s mirror.");
                if (add && job.Status is "Closed" or "Archived") return Refused(HiringTeamRefusalKind.JobClosed, $"The job “{job.Title}” is {job.Status!.ToLowerInvariant()}; reopen it in Ashby before changing its hiring team.");
                if (job.Confidential == 1) return Refused(HiringTeamRefusalKind.JobConfidential, $"The job “{job.Title}” is confidential; change its hiring team in Ashby.");
                what = $"job “{job.Title}”";
            }
            else
            {
                var found = await db.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM mirror_applications WHERE connection_id = @connectionId AND id = @applicationId AND deleted_ms IS NULL",
                    new { connectionId, applicationId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (found == 0) return Refused(HiringTeamRefusalKind.ApplicationNotFound, $"There is no application {applicationId} in {connection.Name}'s mirror.");
                what = $"application {applicationId}";
            }

            role = await db.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT title FROM mirror_hiring_team_roles WHERE connection_id = @connectionId AND id = @roleId AND deleted_ms IS NULL",
                new { connectionId, roleId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (role is null) return Refused(HiringTeamRefusalKind.RoleNotFound, $"{roleId} is not (or no longer) one of {connection.Name}'s hiring team roles; choose one from the roles list.");

        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            await SendAsync(client, jobId, applicationId, user.Id, roleId, add, cancellationToken).ConfigureAwait(false);
        }
        catch (AshbyPermissionException ex)
        {
            return Refused(HiringTeamRefusalKind.MissingPermission, $"Ashby refused: the key lacks a permission ({ex.Message}).");
        }
        catch (AshbyNotFoundException ex)
        {
            return Refused(HiringTeamRefusalKind.AshbyRefused, $"Ashby does not know the job, application, user or role: {ex.Message}");
        }
        catch (AshbyApiException ex)
        {
            return Refused(HiringTeamRefusalKind.AshbyRefused, $"Ashby refused the change: {ex.Message}");
        }

        await audit.WriteAsync(actor, add ? "hiring-team.add" : "hiring-team.remove", $"{connection.Name} {what}", $"{user.Email} as {role}", cancellationToken).ConfigureAwait(false);
        var stream = jobId is not null ? MirrorStreams.Jobs.Name : MirrorStreams.Applications.Name;
        var refreshed = false;
        try
        {
            var run = await sync.RunAsync(connectionId, new SyncRequest(SyncMode.Incremental, "hiring-team", [stream]), cancellationToken: cancellationToken).ConfigureAwait(false);
            refreshed = run.Outcome == SyncOutcome.Succeeded;
        }
        catch (SyncAlreadyRunningException)
        {
            // The running pass, the webhook Ashby sends for the change, or the next pass brings it.
        }

        return new HiringTeamOutcome(null, user, role, refreshed);
    }

    private static Task<HiringTeamMember> SendAsync(AshbyClient client, string? jobId, string? applicationId, string userId, string roleId, bool add, CancellationToken ct) =>
        (jobId, add) switch
        {
            (not null, true) => client.HiringTeam.AddMemberAsync(new HiringTeamAddMemberRequest { JobId = jobId, TeamMemberId = userId, RoleId = roleId }, cancellationToken: ct),
            (not null, false) => client.HiringTeam.RemoveMemberAsync(new HiringTeamRemoveMemberRequest { JobId = jobId, TeamMemberId = userId, RoleId = roleId }, cancellationToken: ct),
            (null, true) => client.Applications.AddHiringTeamMemberAsync(new ApplicationAddHiringTeamMemberRequest { ApplicationId = applicationId!, TeamMemberId = userId, RoleId = roleId }, cancellationToken: ct),
            (null, false) => client.Applications.RemoveHiringTeamMemberAsync(new ApplicationRemoveHiringTeamMemberRequest { ApplicationId = applicationId!, TeamMemberId = userId, RoleId = roleId }, cancellationToken: ct),
        };

    /// <summary>Why the key cannot make this call, from the stored key check (a key never checked, or whose writes could not be told, is let through: Ashby then says).</summary>
    private static string? Missing(PreflightReport? preflight, string permission, string endpoint)
    {
        var state = preflight?.Key.Permissions.FirstOrDefault(p => p.Permission == permission);
        return state is { State: PermissionState.Missing }
            ? $"The connection's key lacks the {state.Module} write permission ({permission}), which {endpoint} needs; enable it in Ashby Admin › Integrations › API keys, then re-check the connection."
            : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static HiringTeamOutcome Refused(HiringTeamRefusalKind kind, string message) => new(new HiringTeamRefusal(kind, message));
}
