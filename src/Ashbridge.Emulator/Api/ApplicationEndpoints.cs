using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Applications: list, info, history, create, changeStage, addHiringTeamMember.</summary>
internal static class ApplicationEndpoints
{
    private static readonly string[] InfoExpansions = ["openings", "applicationFormSubmissions", "referrals"];

    public static void Register(EndpointTable table) => table
        .Read("application.list", Permissions.CandidatesRead, List)
        .Read("application.info", Permissions.CandidatesRead, Info)
        .Read("application.listHistory", Permissions.CandidatesRead, ListHistory)
        .Write("application.create", Permissions.CandidatesWrite, Create)
        .Write("application.changeStage", Permissions.CandidatesWrite, ChangeStage)
        .Write("application.change_stage", Permissions.CandidatesWrite, ChangeStage)
        .Write("application.addHiringTeamMember", Permissions.CandidatesWrite, AddHiringTeamMember);

    /// <summary><c>status</c> is a single value here (unlike job.list's array).</summary>
    private static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out var before, allowBefore: true)) return;
        if (!call.OptionalEnum("status", Enums.ApplicationStatuses, out var status) || !call.OptionalGuid("jobId", out var jobId)) return;
        if (!call.ExpandIncludes(["openings"], out var expand)) return;
        var wanted = status is null ? (ApplicationStatus?)null : (ApplicationStatus)Enums.IndexOf(Enums.ApplicationStatuses, status);
        var openings = expand.Contains("openings");
        Pager.List(
            call,
            call.Org.Applications,
            (a, _) => call.CanSee(a) && a.CreatedMs > after && a.CreatedMs < before && (wanted is null || a.Status == wanted) && (jobId is null || a.Job.Id == jobId),
            (w, a) => ApplicationJson.Application(w, a, call.Viewer, expandOpenings: openings));
    }

    private static void Info(AshbyCall call)
    {
        if (!call.Present("applicationId", out _) && call.Present("submittedFormInstanceId", out _))
        {
            if (call.RequiredGuid("submittedFormInstanceId", out var formId)) call.NotFound(ErrorCodes.ApplicationNotFound, "Application for form submission", formId);
            return;
        }

        if (!call.RequiredGuid("applicationId", out var id) || !call.ExpandIncludes(InfoExpansions, out var expand)) return;
        if (Find(call, id) is { } a) call.Success(w => ApplicationJson.Application(w, a, call.Viewer, withHistory: true, expandOpenings: expand.Contains("openings")));
    }

    /// <summary>Cursor-paginated in Ashby; histories are short, so the emulator answers in one page.</summary>
    private static void ListHistory(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !Pager.ReadLimit(call, out _) || !call.OptionalString("cursor", out _)) return;
        if (Find(call, id) is not { } a) return;
        var w = call.BeginSuccess();
        w.WriteStartArray();
        foreach (var h in ApplicationHistory.Of(a)) ApplicationJson.HistoryEntry(w, h);
        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", false);
        call.EndSuccess();
    }

    /// <summary>The stage defaults to the plan's first Lead stage; <c>"FirstPreInterviewScreen"</c> names the first screen stage.</summary>
    private static void Create(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var candidateId) || !call.RequiredGuid("jobId", out var jobId)) return;
        if (!call.OptionalGuid("interviewPlanId", out var planId) || !call.OptionalString("interviewStageId", out var stageText)) return;
        if (!call.OptionalGuid("sourceId", out var sourceId) || !call.OptionalGuid("creditedToUserId", out var userId)) return;
        if (!call.OptionalString("createdAt", out var createdAt) || !CandidateEndpoints.ParseTime(call, "createdAt", createdAt, out var createdMs)) return;
        var org = call.Org;
        if (org.FindCandidate(candidateId) is not { } candidate || !call.CanSee(candidate)) { call.NotFound(ErrorCodes.CandidateNotFound, "Candidate", candidateId); return; }
        if (org.FindJob(jobId) is not { } job || !call.CanSee(job)) { call.NotFound(ErrorCodes.JobNotFound, "Job", jobId); return; }
        if (planId is { } p && p != job.Plan.Id) { call.NotFound(ErrorCodes.InterviewPlanNotFound, "Interview plan of this job", p); return; }
        InterviewStage stage;
        if (stageText is null) stage = job.Plan.FirstOf(StageType.Lead);
        else if (stageText == "FirstPreInterviewScreen") stage = job.Plan.FirstOf(StageType.PreInterviewScreen);
        else if (!Guid.TryParseExact(stageText, "D", out var stageId)) { call.Fail(ErrorCodes.InvalidInput, "interviewStageId must be a UUID or \"FirstPreInterviewScreen\""); return; }
        else if (job.Plan.Stages.Find(s => s.Id == stageId) is { } found) stage = found;
        else { call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage of this job's plan", stageId); return; }
        Source? source = null;
        User? user = null;
        if (sourceId is { } s && (source = org.FindSource(s)) is null) { call.NotFound(ErrorCodes.SourceNotFound, "Source", s); return; }
        if (userId is { } u && (user = org.FindUser(u)) is null) { call.NotFound(ErrorCodes.UserNotFound, "User", u); return; }
        var a = ApplicationChanges.Create(org, call.NowMs, candidate, job, stage, source, user, createdMs);
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    /// <summary>A target stage of type Archived needs <c>archiveReasonId</c> (<c>invalid_input</c> otherwise, per Ashby).</summary>
    private static void ChangeStage(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !call.RequiredGuid("interviewStageId", out var stageId)) return;
        if (!call.OptionalGuid("archiveReasonId", out var reasonId)) return;
        if (Find(call, id) is not { } a) return;
        if (a.Stage.Plan.Stages.Find(s => s.Id == stageId) is not { } stage) { call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage of this application's plan", stageId); return; }
        ArchiveReason? reason = null;
        if (stage.Type == StageType.Archived)
        {
            if (reasonId is not { } r) { call.Fail(ErrorCodes.InvalidInput, "archiveReasonId is required when moving to an archived stage"); return; }
            if ((reason = call.Org.FindArchiveReason(r)) is null || reason.IsArchived) { call.NotFound(ErrorCodes.ArchiveReasonNotFound, "Archive reason", r); return; }
        }

        call.Publish(ApplicationChanges.ChangeStage(call.Org, call.NowMs, a, stage, reason));
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    private static void AddHiringTeamMember(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !call.RequiredGuid("teamMemberId", out var userId) || !call.RequiredGuid("roleId", out var roleId)) return;
        if (Find(call, id) is not { } a || HiringTeamEndpoints.Member(call, userId, roleId) is not { } member) return;
        call.Publish(ApplicationChanges.AddTeamMember(call.Org, call.NowMs, a, member));
        call.Success(w => OrganizationJson.TeamMember(w, member));
    }

    private static Application? Find(AshbyCall call, Guid id)
    {
        if (call.Org.FindApplication(id) is { } a && call.CanSee(a)) return a;
        call.NotFound(ErrorCodes.ApplicationNotFound, "Application", id);
        return null;
    }
}
