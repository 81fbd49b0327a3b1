using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary><c>hiringTeam.addMember</c>: exactly one of applicationId, jobId or openingId.</summary>
internal static class HiringTeamEndpoints
{
    public static void Register(EndpointTable table) => table.Write("hiringTeam.addMember", Permissions.OrganizationWrite, AddMember);

    private static void AddMember(AshbyCall call)
    {
        if (!call.OptionalGuid("applicationId", out var applicationId) || !call.OptionalGuid("jobId", out var jobId) || !call.OptionalGuid("openingId", out var openingId)) return;
        var targets = (applicationId is null ? 0 : 1) + (jobId is null ? 0 : 1) + (openingId is null ? 0 : 1);
        if (targets != 1) { call.Fail(ErrorCodes.InvalidInput, "Give exactly one of applicationId, jobId or openingId"); return; }
        if (!call.RequiredGuid("teamMemberId", out var userId) || !call.RequiredGuid("roleId", out var roleId)) return;
        var org = call.Org;
        var now = call.NowMs;
        if (applicationId is { } a)
        {
            if (org.FindApplication(a) is not { } application || !call.CanSee(application)) { call.NotFound(ErrorCodes.ApplicationNotFound, "Application", a); return; }
            if (Member(call, userId, roleId) is not { } member) return;
            call.Publish(ApplicationChanges.AddTeamMember(org, now, application, member));
            call.Success(w => OrganizationJson.TeamMember(w, member));
        }
        else if (jobId is { } j)
        {
            if (org.FindJob(j) is not { } job || !call.CanSee(job)) { call.NotFound(ErrorCodes.JobNotFound, "Job", j); return; }
            if (Member(call, userId, roleId) is not { } member) return;
            if (!job.HiringTeam.Contains(member))
            {
                job.HiringTeam.Add(member);
                org.Touch(job, now);
                call.Publish([WebhookPayloads.Job("jobUpdate", job)]);
            }

            call.Success(w => OrganizationJson.TeamMember(w, member));
        }
        else
        {
            var o = openingId!.Value;
            if (org.FindOpening(o) is not { } opening || !call.CanSee(opening)) { call.NotFound(ErrorCodes.OpeningNotFound, "Opening", o); return; }
            if (Member(call, userId, roleId) is not { } member) return;
            if (!opening.HiringTeam.Contains(member))
            {
                opening.HiringTeam.Add(member);
                org.Touch(opening, now);
            }

            call.Success(w => OrganizationJson.TeamMember(w, member));
        }
    }

    /// <summary>Validates the user (must exist and be enabled) and the role.</summary>
    public static TeamMember? Member(AshbyCall call, Guid userId, Guid roleId)
    {
        if (call.Org.FindUser(userId) is not { } user) { call.NotFound(ErrorCodes.UserNotFound, "User", userId); return null; }
        if (!user.IsEnabled) { call.Fail(ErrorCodes.InvalidInput, $"User {userId} is deactivated and cannot join a hiring team"); return null; }
        if (call.Org.FindRole(roleId) is not { } role) { call.NotFound(ErrorCodes.HiringTeamRoleNotFound, "Hiring team role", roleId); return null; }
        return new TeamMember(user, role);
    }
}
