using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// <c>hiringTeam.addMember</c> / <c>hiringTeam.removeMember</c> (<c>organizationWrite</c>): exactly one of applicationId,
/// jobId or openingId. Both are idempotent: adding a member already there or removing one not there changes nothing and
/// answers the member.
/// </summary>
internal static class HiringTeamEndpoints
{
    public static void Register(EndpointTable table) => table
        .Write("hiringTeam.addMember", Permissions.OrganizationWrite, call => Change(call, add: true))
        .Write("hiringTeam.removeMember", Permissions.OrganizationWrite, call => Change(call, add: false));

    private static void Change(AshbyCall call, bool add)
    {
        if (!call.OptionalGuid("applicationId", out var applicationId) || !call.OptionalGuid("jobId", out var jobId) || !call.OptionalGuid("openingId", out var openingId)) return;
        var targets = (applicationId is null ? 0 : 1) + (jobId is null ? 0 : 1) + (openingId is null ? 0 : 1);
        if (targets != 1) { call.Fail(ErrorCodes.InvalidInput, "Give exactly one of applicationId, jobId or openingId"); return; }
        if (!call.RequiredGuid("teamMemberId", out var userId) || !call.RequiredGuid("roleId", out var roleId)) return;
        var org = call.Org;
        var now = call.NowMs;
        TeamMember? Who() => add ? Member(call, userId, roleId) : ExistingMember(call, userId, roleId);
        if (applicationId is { } a)
        {
            if (org.FindApplication(a) is not { } application || !call.CanSee(application)) { call.NotFound(ErrorCodes.ApplicationNotFound, "Application", a); return; }
            if (Who() is not { } member) return;
            call.Publish(add ? ApplicationChanges.AddTeamMember(org, now, application, member) : ApplicationChanges.RemoveTeamMember(org, now, application, member));
            call.Success(w => OrganizationJson.TeamMember(w, member));
        }
        else if (jobId is { } j)
        {
            if (org.FindJob(j) is not { } job || !call.CanSee(job)) { call.NotFound(ErrorCodes.JobNotFound, "Job", j); return; }
            if (Who() is not { } member) return;
            if (Apply(job.HiringTeam, member, add))
            {
                org.Touch(job, now);
                call.Publish([WebhookPayloads.Job("jobUpdate", job)]);
            }

            call.Success(w => OrganizationJson.TeamMember(w, member));
        }
        else
        {
            var o = openingId!.Value;
            if (org.FindOpening(o) is not { } opening || !call.CanSee(opening)) { call.NotFound(ErrorCodes.OpeningNotFound, "Opening", o); return; }
            if (Who() is not { } member) return;
            if (Apply(opening.HiringTeam, member, add)) org.Touch(opening, now);
            call.Success(w => OrganizationJson.TeamMember(w, member));
        }
    }

    private static bool Apply(List<TeamMember> team, TeamMember member, bool add)
    {
        if (add == team.Contains(member)) return false;
        if (add) team.Add(member);
        else team.Remove(member);
        return true;
    }

    /// <summary>Validates the user (must exist and be enabled) and the role.</summary>
    public static TeamMember? Member(AshbyCall call, Guid userId, Guid roleId)
    {
        if (call.Org.FindUser(userId) is not { } user) { call.NotFound(ErrorCodes.UserNotFound, "User", userId); return null; }
        if (!user.IsEnabled) { call.Fail(ErrorCodes.InvalidInput, $"User {userId} is deactivated and cannot join a hiring team"); return null; }
        if (call.Org.FindRole(roleId) is not { } role) { call.NotFound(ErrorCodes.HiringTeamRoleNotFound, "Hiring team role", roleId); return null; }
        return new TeamMember(user, role);
    }

    /// <summary>For removal: the user and role must exist; a deactivated user can be removed (directories remove leavers).</summary>
    public static TeamMember? ExistingMember(AshbyCall call, Guid userId, Guid roleId)
    {
        if (call.Org.FindUser(userId) is not { } user) { call.NotFound(ErrorCodes.UserNotFound, "User", userId); return null; }
        if (call.Org.FindRole(roleId) is not { } role) { call.NotFound(ErrorCodes.HiringTeamRoleNotFound, "Hiring team role", roleId); return null; }
        return new TeamMember(user, role);
    }
}
