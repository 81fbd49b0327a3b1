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
        if (!call.RequiredGuid("applicationId", out var id) || !Pager.ReadLimit(call, out _) || !NoCursor(call)) return;
        if (Find(call, id) is not { } a) return;
        var w = call.BeginSuccess();
        w.WriteStartArray();
        foreach (var h in ApplicationHistory.Of(a)) ApplicationJson.HistoryEntry(w, h);
        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", false);
        call.EndSuccess();
    }

    /// <summary>
    /// The stage defaults to the plan's first Lead stage; <c>"FirstPreInterviewScreen"</c> names the first screen stage.
    /// An <c>applicationHistory</c> (entries as in updateHistory, without ids) becomes the history, its last entry the stage.
    /// </summary>
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
        List<ApplicationChanges.HistoryUpdate>? history = null;
        if (call.Present("applicationHistory", out var list) && (history = ReadHistory(call, list, job.Plan, null, null)) is null) return;
        var a = ApplicationChanges.Create(org, call.NowMs, candidate, job, stage, source, user, createdMs);

        // A given history replaces the single entry and sets the stage; create sends no webhook, so its events are dropped.
        if (history is not null) _ = ApplicationChanges.ReplaceHistory(org, call.NowMs, a, history);
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    /// <summary>
    /// A target stage of type Archived needs <c>archiveReasonId</c>, and any other stage refuses it and <c>archiveEmail</c>
    /// (<c>invalid_input</c> both ways, per Ashby's error table). <c>archiveEmail</c> on an archived stage is accepted and
    /// sends nothing (no communication templates are modelled here).
    /// </summary>
    private static void ChangeStage(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !call.RequiredGuid("interviewStageId", out var stageId)) return;
        if (!call.OptionalGuid("archiveReasonId", out var reasonId)) return;
        if (Find(call, id) is not { } a) return;
        if (a.Stage.Plan.Stages.Find(s => s.Id == stageId) is not { } stage) { call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage of this application's plan", stageId); return; }
        ArchiveReason? reason = null;
        if (stage.Type != StageType.Archived && (reasonId is not null || call.Present("archiveEmail", out _)))
        {
            call.Fail(ErrorCodes.InvalidInput, "archiveReasonId and archiveEmail are only allowed when moving to an archived stage");
            return;
        }

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

    /// <summary><c>sourceId</c> is required, but <c>null</c> unsets the application's source (as Ashby documents).</summary>
    private static void ChangeSource(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id)) return;
        if (!call.Body.TryGetProperty("sourceId", out _)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: sourceId (null unsets the source)"); return; }
        if (!call.OptionalGuid("sourceId", out var sourceId)) return;
        if (Find(call, id) is not { } a) return;
        Source? source = null;
        if (sourceId is { } sid && (source = call.Org.FindSource(sid)) is null) { call.NotFound(ErrorCodes.SourceNotFound, "Source", sid); return; }
        if (source is null)
        {
            a.Source = null;
            call.Publish(ApplicationChanges.Update(call.Org, call.NowMs, a, null, null, null));
        }
        else
        {
            call.Publish(ApplicationChanges.Update(call.Org, call.NowMs, a, source, null, null));
        }

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
        if (Find(call, id) is not { } a) return;
        var known = ApplicationHistory.Of(a).Select(h => h.Id).ToHashSet();
        if (ReadHistory(call, list, a.Stage.Plan, known, a.ArchiveReason) is not { } entries) return;
        call.Publish(ApplicationChanges.ReplaceHistory(call.Org, call.NowMs, a, entries));
        call.Success(w => ApplicationJson.Application(w, a, call.Viewer));
    }

    /// <summary>
    /// Reads an <c>applicationHistory</c> array (updateHistory, create): each entry's stage must be in the plan and its
    /// <c>stageNumber</c> the stage's order; <c>applicationHistoryId</c> (only when <paramref name="known"/> is given) must
    /// name an existing entry; an Archived last entry needs an archive reason. Null after writing the failure.
    /// </summary>
    private static List<ApplicationChanges.HistoryUpdate>? ReadHistory(AshbyCall call, System.Text.Json.JsonElement list, InterviewPlan plan, HashSet<Guid>? known, ArchiveReason? existingReason)
    {
        if (list.ValueKind != System.Text.Json.JsonValueKind.Array) { call.FailParameter("applicationHistory", "applicationHistory must be an array"); return null; }
        if (list.GetArrayLength() == 0) { call.Fail(ErrorCodes.InvalidInput, "applicationHistory must not be empty"); return null; }
        var stages = plan.Stages;
        var entries = new List<ApplicationChanges.HistoryUpdate>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"applicationHistory[{i++}]";
            if (item.ValueKind != System.Text.Json.JsonValueKind.Object) { call.FailParameter(at, $"{at} must be an object"); return null; }
            if (!item.TryGetProperty("stageId", out var stageValue) || stageValue.ValueKind != System.Text.Json.JsonValueKind.String || !Guid.TryParseExact(stageValue.GetString(), "D", out var stageId))
            {
                call.Fail(ErrorCodes.InvalidInput, $"{at}.stageId is required and must be a UUID");
                return null;
            }

            if (stages.Find(s => s.Id == stageId) is not { } stage) { call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage of this application's plan", stageId); return null; }
            if (!item.TryGetProperty("stageNumber", out var number) || number.ValueKind != System.Text.Json.JsonValueKind.Number || !number.TryGetInt32(out var stageNumber))
            {
                call.Fail(ErrorCodes.InvalidInput, $"{at}.stageNumber is required and must be an integer");
                return null;
            }

            if (stageNumber != stage.Order) { call.Fail(ErrorCodes.InvalidInput, $"{at}.stageNumber is {stageNumber} but stage {stageId} is number {stage.Order} of the plan"); return null; }
            if (!item.TryGetProperty("enteredStageAt", out var entered) || entered.ValueKind != System.Text.Json.JsonValueKind.String
                || !CandidateEndpoints.ParseTime(call, $"{at}.enteredStageAt", entered.GetString(), out var enteredMs))
            {
                if (!call.Failed) call.Fail(ErrorCodes.InvalidInput, $"{at}.enteredStageAt is required and must be an ISO-8601 date-time");
                return null;
            }

            Guid? historyId = null;
            if (known is not null && item.TryGetProperty("applicationHistoryId", out var hid) && hid.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                if (hid.ValueKind != System.Text.Json.JsonValueKind.String || !Guid.TryParseExact(hid.GetString(), "D", out var parsed)) { call.Fail(ErrorCodes.InvalidInput, $"{at}.applicationHistoryId must be a UUID"); return null; }
                if (!known.Contains(parsed)) { call.Fail(ErrorCodes.InvalidInput, $"{at}.applicationHistoryId {parsed} is not an entry of this application's history"); return null; }
                historyId = parsed;
            }

            ArchiveReason? reason = null;
            if (item.TryGetProperty("archiveReasonId", out var rid) && rid.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                if (rid.ValueKind != System.Text.Json.JsonValueKind.String || !Guid.TryParseExact(rid.GetString(), "D", out var r)) { call.Fail(ErrorCodes.InvalidInput, $"{at}.archiveReasonId must be a UUID"); return null; }
                if ((reason = call.Org.FindArchiveReason(r)) is null || reason.IsArchived) { call.NotFound(ErrorCodes.ArchiveReasonNotFound, "Archive reason", r); return null; }
            }

            entries.Add(new ApplicationChanges.HistoryUpdate(historyId, stage, enteredMs!.Value, reason));
        }

        if (entries.Select(e => e.Id).Where(e => e is not null).GroupBy(e => e).Any(g => g.Count() > 1)) { call.Fail(ErrorCodes.InvalidInput, "An applicationHistoryId appears twice"); return null; }
        var last = entries.MaxBy(e => e.EnteredMs)!;
        if (last.Stage.Type == StageType.Archived && last.Reason is null && existingReason is null)
        {
            call.Fail(ErrorCodes.InvalidInput, "archiveReasonId is required on the last entry when it is an archived stage");
            return null;
        }

        if (entries.Any(e => e.EnteredMs > call.NowMs)) { call.Fail(ErrorCodes.InvalidInput, "enteredStageAt must not be in the future"); return null; }
        return entries;
    }

    /// <summary>AI review evaluations of the application against its job's criteria; a handful at most, so one page.</summary>
    private static void ListCriteriaEvaluations(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id) || !Pager.ReadLimit(call, out _) || !NoCursor(call)) return;
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

    /// <summary>These one-page answers never issue a <c>nextCursor</c>, so any cursor sent is one this endpoint did not issue.</summary>
    private static bool NoCursor(AshbyCall call)
    {
        if (!call.OptionalString("cursor", out var cursor)) return false;
        return cursor is null || call.Fail(ErrorCodes.InvalidNextCursor, "The cursor is not one this endpoint issued (it answers in one page). Restart without a cursor.");
    }

    internal static Application? Find(AshbyCall call, Guid id)
    {
        if (call.Org.FindApplication(id) is { } a && call.CanSee(a)) return a;
        call.NotFound(ErrorCodes.ApplicationNotFound, "Application", id);
        return null;
    }
}
