using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Applications: list, info, history, criteria evaluations, create, update, changeSource, changeStage, transfer,
/// updateHistory, application-level hiring team; and (registered here, handled in their own classes) feedback,
/// feedback forms, application forms and assessments.
/// </summary>
internal static class ApplicationEndpoints
{
    private static readonly string[] InfoExpansions = ["openings", "applicationFormSubmissions", "referrals"];
    private static readonly string[] FormInstanceExpansions = ["openings", "applicationFormSubmissions"];

    public static void Register(EndpointTable table) => table
        .Read("application.list", Permissions.CandidatesRead, List)
        .Read("application.info", Permissions.CandidatesRead, Info)
        .Read("application.listHistory", Permissions.CandidatesRead, ListHistory)
        .Write("application.create", Permissions.CandidatesWrite, Create)
        .Write("application.changeStage", Permissions.CandidatesWrite, ChangeStage)
        .Write("application.change_stage", Permissions.CandidatesWrite, ChangeStage)
        .Write("application.addHiringTeamMember", Permissions.CandidatesWrite, AddHiringTeamMember)
        .Write("application.removeHiringTeamMember", Permissions.CandidatesWrite, RemoveHiringTeamMember)
        .Write("application.update", Permissions.CandidatesWrite, Update)
        .Write("application.changeSource", Permissions.CandidatesWrite, ChangeSource)
        .Write("application.transfer", Permissions.CandidatesWrite, Transfer)
        .Write("application.updateHistory", Permissions.CandidatesWrite, UpdateHistory)
        .Read("application.listCriteriaEvaluations", Permissions.CandidatesRead, ListCriteriaEvaluations)
        .Read("applicationHiringTeamRole.list", Permissions.CandidatesRead, HiringTeamRoles)
        .Read("applicationFeedback.list", Permissions.CandidatesRead, FeedbackEndpoints.List)
        .Write("applicationFeedback.submit", Permissions.CandidatesWrite, FeedbackEndpoints.Submit)
        .Read("feedbackFormDefinition.list", Permissions.HiringProcessMetadataRead, FeedbackEndpoints.FormList)
        .Read("feedbackFormDefinition.info", Permissions.HiringProcessMetadataRead, FeedbackEndpoints.FormInfo)
        .Write("applicationForm.submit", Permissions.CandidatesWrite, ApplicationFormEndpoints.Submit)
        .Write("assessment.addCompletedToCandidate", Permissions.CandidatesWrite, AssessmentEndpoints.AddCompletedToCandidate);

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
        Application? a;
        if (!call.Present("applicationId", out _) && call.Present("submittedFormInstanceId", out _))
        {
            if (!call.RequiredGuid("submittedFormInstanceId", out var formId) || !call.ExpandIncludes(FormInstanceExpansions, out _)) return;
            if (!call.Org.ApplicationsByFormInstance.TryGetValue(formId, out a) || !call.CanSee(a))
            {
                call.NotFound(ErrorCodes.ApplicationNotFound, "Application for form submission", formId);
                return;
            }
        }
        else
        {
            if (!call.RequiredGuid("applicationId", out var id) || !call.ExpandIncludes(InfoExpansions, out _)) return;
            if ((a = Find(call, id)) is null) return;
        }

        call.ExpandIncludes(InfoExpansions, out var expand);
        var forms = expand.Contains("applicationFormSubmissions");
        var referrals = expand.Contains("referrals");
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer, withHistory: true, expandOpenings: expand.Contains("openings"), more: w =>
        {
            if (forms)
            {
                w.WriteStartArray("applicationFormSubmissions");
                if (call.Org.FormSubmissions.TryGetValue(a, out var submitted)) FeedbackJson.FormInstance(w, submitted.Id, ApplicationFormEndpoints.Sections, submitted.Json);
                w.WriteEndArray();
            }

            // The emulator models no referrals.
            if (referrals)
            {
                w.WriteStartArray("referrals");
                w.WriteEndArray();
            }
        }));
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

    /// <summary>Application level: <c>candidatesWrite</c>. Idempotent like add: a member not on the team is answered as removed.</summary>
    private static void RemoveHiringTeamMember(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !call.RequiredGuid("teamMemberId", out var userId) || !call.RequiredGuid("roleId", out var roleId)) return;
        if (Find(call, id) is not { } a || HiringTeamEndpoints.ExistingMember(call, userId, roleId) is not { } member) return;
        call.Publish(ApplicationChanges.RemoveTeamMember(call.Org, call.NowMs, a, member));
        call.Success(w => OrganizationJson.TeamMember(w, member));
    }

    /// <summary><c>sourceId</c>, <c>creditedToUserId</c>, <c>createdAt</c>; <c>sendNotifications</c> is accepted (no emails here).</summary>
    private static void Update(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id)) return;
        if (!call.OptionalGuid("sourceId", out var sourceId) || !call.OptionalGuid("creditedToUserId", out var userId)) return;
        if (!call.OptionalString("createdAt", out var createdAt) || !CandidateEndpoints.ParseTime(call, "createdAt", createdAt, out var createdMs)) return;
        if (!call.OptionalBool("sendNotifications", out _)) return;
        if (Find(call, id) is not { } a) return;
        Source? source = null;
        User? user = null;
        if (sourceId is { } s && (source = call.Org.FindSource(s)) is null) { call.NotFound(ErrorCodes.SourceNotFound, "Source", s); return; }
        if (userId is { } u && (user = call.Org.FindUser(u)) is null) { call.NotFound(ErrorCodes.UserNotFound, "User", u); return; }
        call.Publish(ApplicationChanges.Update(call.Org, call.NowMs, a, source, user, createdMs));
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    private static void ChangeSource(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !call.RequiredGuid("sourceId", out var sourceId)) return;
        if (Find(call, id) is not { } a) return;
        if (call.Org.FindSource(sourceId) is not { } source) { call.NotFound(ErrorCodes.SourceNotFound, "Source", sourceId); return; }
        call.Publish(ApplicationChanges.Update(call.Org, call.NowMs, a, source, null, null));
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    /// <summary>
    /// To another job: the plan must be the job's and the stage one of its stages. Hired and Archived stages are refused
    /// (<c>invalid_input</c>): hiring and archiving go through changeStage, which takes the archive reason.
    /// <c>startAutomaticActivities</c> is accepted (the emulator runs no activities).
    /// </summary>
    private static void Transfer(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !call.RequiredGuid("jobId", out var jobId)) return;
        if (!call.RequiredGuid("interviewPlanId", out var planId) || !call.RequiredGuid("interviewStageId", out var stageId)) return;
        if (!call.OptionalBool("startAutomaticActivities", out _)) return;
        if (Find(call, id) is not { } a) return;
        if (call.Org.FindJob(jobId) is not { } job || !call.CanSee(job)) { call.NotFound(ErrorCodes.JobNotFound, "Job", jobId); return; }
        if (job.Plan.Id != planId) { call.NotFound(ErrorCodes.InterviewPlanNotFound, "Interview plan of this job", planId); return; }
        if (job.Plan.Stages.Find(s => s.Id == stageId) is not { } stage) { call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage of this plan", stageId); return; }
        if (stage.Type is StageType.Hired or StageType.Archived)
        {
            call.Fail(ErrorCodes.InvalidInput, $"interviewStageId names a {Enums.StageTypes[(int)stage.Type]} stage: transfer to an open stage, then use application.changeStage to hire or archive");
            return;
        }

        if (job.Status == JobStatus.Draft) { call.Fail(ErrorCodes.InvalidInput, "The job is a draft and takes no applications"); return; }
        call.Publish(ApplicationChanges.Transfer(call.Org, call.NowMs, a, job, stage));
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    /// <summary>
    /// Replaces the history with the entries given: each names a stage of the application's plan, its
    /// <c>stageNumber</c> (the stage's order in the plan), <c>enteredStageAt</c>, and optionally the
    /// <c>applicationHistoryId</c> it keeps and an <c>archiveReasonId</c> (required on an Archived last entry).
    /// Ashby also requires the key's "Allow updating application history?" setting, which the emulator's keys do not model.
    /// </summary>
    private static void UpdateHistory(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id)) return;
        if (!call.Present("applicationHistory", out var list)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: applicationHistory"); return; }
        if (list.ValueKind != System.Text.Json.JsonValueKind.Array) { call.FailParameter("applicationHistory", "applicationHistory must be an array"); return; }
        if (list.GetArrayLength() == 0) { call.Fail(ErrorCodes.InvalidInput, "applicationHistory must not be empty"); return; }
        if (Find(call, id) is not { } a) return;
        var stages = a.Stage.Plan.Stages;
        var known = ApplicationHistory.Of(a).Select(h => h.Id).ToHashSet();
        var entries = new List<ApplicationChanges.HistoryUpdate>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"applicationHistory[{i++}]";
            if (item.ValueKind != System.Text.Json.JsonValueKind.Object) { call.FailParameter(at, $"{at} must be an object"); return; }
            if (!item.TryGetProperty("stageId", out var stageValue) || stageValue.ValueKind != System.Text.Json.JsonValueKind.String || !Guid.TryParseExact(stageValue.GetString(), "D", out var stageId))
            {
                call.Fail(ErrorCodes.InvalidInput, $"{at}.stageId is required and must be a UUID");
                return;
            }

            if (stages.Find(s => s.Id == stageId) is not { } stage) { call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage of this application's plan", stageId); return; }
            if (!item.TryGetProperty("stageNumber", out var number) || number.ValueKind != System.Text.Json.JsonValueKind.Number || !number.TryGetInt32(out var stageNumber))
            {
                call.Fail(ErrorCodes.InvalidInput, $"{at}.stageNumber is required and must be an integer");
                return;
            }

            if (stageNumber != stage.Order) { call.Fail(ErrorCodes.InvalidInput, $"{at}.stageNumber is {stageNumber} but stage {stageId} is number {stage.Order} of the plan"); return; }
            if (!item.TryGetProperty("enteredStageAt", out var entered) || entered.ValueKind != System.Text.Json.JsonValueKind.String
                || !CandidateEndpoints.ParseTime(call, $"{at}.enteredStageAt", entered.GetString(), out var enteredMs))
            {
                if (!call.Failed) call.Fail(ErrorCodes.InvalidInput, $"{at}.enteredStageAt is required and must be an ISO-8601 date-time");
                return;
            }

            Guid? historyId = null;
            if (item.TryGetProperty("applicationHistoryId", out var hid) && hid.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                if (hid.ValueKind != System.Text.Json.JsonValueKind.String || !Guid.TryParseExact(hid.GetString(), "D", out var parsed)) { call.Fail(ErrorCodes.InvalidInput, $"{at}.applicationHistoryId must be a UUID"); return; }
                if (!known.Contains(parsed)) { call.Fail(ErrorCodes.InvalidInput, $"{at}.applicationHistoryId {parsed} is not an entry of this application's history"); return; }
                historyId = parsed;
            }

            ArchiveReason? reason = null;
            if (item.TryGetProperty("archiveReasonId", out var rid) && rid.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                if (rid.ValueKind != System.Text.Json.JsonValueKind.String || !Guid.TryParseExact(rid.GetString(), "D", out var r)) { call.Fail(ErrorCodes.InvalidInput, $"{at}.archiveReasonId must be a UUID"); return; }
                if ((reason = call.Org.FindArchiveReason(r)) is null || reason.IsArchived) { call.NotFound(ErrorCodes.ArchiveReasonNotFound, "Archive reason", r); return; }
            }

            entries.Add(new ApplicationChanges.HistoryUpdate(historyId, stage, enteredMs!.Value, reason));
        }

        if (entries.Select(e => e.Id).Where(e => e is not null).GroupBy(e => e).Any(g => g.Count() > 1)) { call.Fail(ErrorCodes.InvalidInput, "An applicationHistoryId appears twice"); return; }
        var last = entries.MaxBy(e => e.EnteredMs)!;
        if (last.Stage.Type == StageType.Archived && last.Reason is null && a.ArchiveReason is null)
        {
            call.Fail(ErrorCodes.InvalidInput, "archiveReasonId is required on the last entry when it is an archived stage");
            return;
        }

        if (entries.Any(e => e.EnteredMs > call.NowMs)) { call.Fail(ErrorCodes.InvalidInput, "enteredStageAt must not be in the future"); return; }
        call.Publish(ApplicationChanges.ReplaceHistory(call.Org, call.NowMs, a, entries));
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    /// <summary>AI review evaluations of the application against its job's criteria; a handful at most, so one page.</summary>
    private static void ListCriteriaEvaluations(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !Pager.ReadLimit(call, out _) || !call.OptionalString("cursor", out _)) return;
        if (Find(call, id) is not { } a) return;
        var w = call.BeginSuccess();
        w.WriteStartArray();
        foreach (var e in CriteriaEvaluations.Of(call.Org, a)) FeedbackJson.Evaluation(w, e);
        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", false);
        call.EndSuccess();
    }

    /// <summary>The roles an application's hiring team can hold: the organisation's hiring team roles, as objects.</summary>
    private static void HiringTeamRoles(AshbyCall call) => call.Success(w =>
    {
        w.WriteStartArray();
        foreach (var r in call.Org.HiringTeamRoles)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("title", r.Title);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    internal static Application? Find(AshbyCall call, Guid id)
    {
        if (call.Org.FindApplication(id) is { } a && call.CanSee(a)) return a;
        call.NotFound(ErrorCodes.ApplicationNotFound, "Application", id);
        return null;
    }
}
