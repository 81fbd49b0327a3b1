using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Interview plans, stages and stage groups, interviews, interview schedules and their events; the interviewer pools,
/// settings and pauses and notetaker transcripts are in <see cref="InterviewerEndpoints"/>.
/// </summary>
internal static class InterviewEndpoints
{
    public static void Register(EndpointTable table)
    {
        table
            .Read("interviewPlan.list", Permissions.InterviewsRead, PlanList)
            .Read("interviewStage.list", Permissions.InterviewsRead, StageList)
            .Read("interviewStage.info", Permissions.InterviewsRead, StageInfo)
            .Read("interviewStageGroup.list", Permissions.InterviewsRead, StageGroupList)
            .Read("jobInterviewPlan.info", Permissions.JobsRead, JobInterviewPlan)
            .Read("interview.list", Permissions.InterviewsRead, InterviewList)
            .Read("interview.info", Permissions.InterviewsRead, InterviewInfo)
            .Read("interviewSchedule.list", Permissions.InterviewsRead, ScheduleList)
            .Read("interviewEvent.list", Permissions.InterviewsRead, EventList)
            .Write("interviewSchedule.create", Permissions.InterviewsWrite, ScheduleCreate)
            .Write("interviewSchedule.update", Permissions.InterviewsWrite, ScheduleUpdate)
            .Write("interviewSchedule.cancel", Permissions.InterviewsWrite, ScheduleCancel);
        InterviewerEndpoints.Register(table);
    }

    private static void PlanList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.InterviewPlans, (p, incremental) => includeArchived || incremental || !p.IsArchived, InterviewPlanJson.Plan);
    }

    /// <summary>Not paginated: every stage of the plan in order, with <c>moreDataAvailable: false</c> as the document requires.</summary>
    private static void StageList(AshbyCall call)
    {
        if (!call.RequiredGuid("interviewPlanId", out var id)) return;
        if (call.Org.FindPlan(id) is not { } plan)
        {
            call.NotFound(ErrorCodes.InterviewPlanNotFound, "Interview plan", id);
            return;
        }

        var w = call.BeginSuccess();
        w.WriteStartArray();
        foreach (var s in plan.Stages) InterviewPlanJson.Stage(w, s);
        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", false);
        call.EndSuccess();
    }

    private static void StageInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("interviewStageId", out var id)) return;
        if (call.Org.FindStage(id) is not { } stage) call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage", id);
        else call.Success(w => InterviewPlanJson.Stage(w, stage));
    }

    /// <summary>The organisation's stage groups in pipeline order; the document gives no parameters and no paging.</summary>
    private static void StageGroupList(AshbyCall call) => call.Success(w =>
    {
        w.WriteStartArray();
        foreach (var g in call.Org.StageGroups) InterviewPlanJson.StageGroup(w, g);
        w.WriteEndArray();
    });

    /// <summary>
    /// The job's plan with, per stage, its activities: an interview stage (type Active) has one activity scheduling the
    /// interviews its schedules use; other stages have none.
    /// </summary>
    private static void JobInterviewPlan(AshbyCall call)
    {
        if (!call.RequiredGuid("jobId", out var id)) return;
        var org = call.Org;
        if (org.FindJob(id) is not { } job || !call.CanSee(job))
        {
            call.NotFound(ErrorCodes.JobNotFound, "Job", id);
            return;
        }

        call.Success(w =>
        {
            w.WriteStartObject();
            w.WriteString("jobId", job.Id);
            w.WriteString("interviewPlanId", job.Plan.Id);
            w.WriteStartArray("stages");
            foreach (var s in job.Plan.Stages)
            {
                w.WriteStartObject();
                InterviewPlanJson.StageFields(w, s);
                w.WriteStartArray("activities");
                var interviews = PlannedInterviews(org, job, s);
                if (interviews.Count > 0)
                {
                    w.WriteStartObject();
                    w.WriteString("id", Derived(s.Id, 1));
                    w.WriteString("title", s.Title + " Schedule");
                    w.WriteStartArray("interviews");
                    for (var k = 0; k < interviews.Count; k++)
                    {
                        var i = interviews[k];
                        w.WriteStartObject();
                        w.WriteString("id", Derived(s.Id, 10 + k));
                        w.WriteString("title", i.Title);
                        w.WriteString("interviewId", i.Id);
                        w.WriteNumber("interviewDurationMinutes", i.DurationMinutes);
                        w.WriteBoolean("isSchedulable", !i.IsArchived);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>What the generator schedules at each interview stage (the recruiter screen, then the technical and onsite loops).</summary>
    private static List<Interview> PlannedInterviews(Organization org, Job job, InterviewStage s)
    {
        if (s.Type != StageType.Active) return [];
        var shared = org.Interviews.Where(i => i.Job is null && !i.IsArchived).ToList();
        if (shared.Count == 0) return [];
        if (s.Order <= 2) return [shared[0]];
        var local = org.Interviews.Where(i => i.Job == job).ToList();
        return s.Order == 3 ? [.. local, .. shared.Skip(1).Take(2)] : [.. shared.Skip(1).Where(i => !i.IsDebrief).Take(4), .. shared.Where(i => i.IsDebrief)];
    }

    /// <summary>A stable id derived from another (activities are not stored, so their ids must not change between calls).</summary>
    private static Guid Derived(Guid id, int salt)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        bytes[0] ^= (byte)salt;
        bytes[15] ^= 0x5A;
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes);
    }

    /// <summary>
    /// Shared interviews only unless <c>includeNonSharedInterviews</c>; archived ones only with <c>includeArchived</c>
    /// (an incremental pass returns them so mirrors see the change). The emulator has no schedule templates, so
    /// <c>excludeArchivedScheduleTemplateInterviews</c> changes nothing.
    /// </summary>
    private static void InterviewList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var archived) || !call.OptionalBool("includeNonSharedInterviews", out var nonShared)) return;
        if (!call.OptionalBool("excludeArchivedScheduleTemplateInterviews", out _)) return;
        Pager.List(
            call,
            call.Org.Interviews,
            (i, incremental) => (archived || incremental || !i.IsArchived) && (i.Job is null || (nonShared && call.CanSee(i.Job))),
            InterviewJson.Interview);
    }

    private static void InterviewInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("id", out var id)) return;
        if (call.Org.FindInterview(id) is not { } i || (i.Job is { } job && !call.CanSee(job))) call.NotFound(ErrorCodes.InterviewNotFound, "Interview", id);
        else call.Success(w => InterviewJson.Interview(w, i));
    }

    /// <summary>Every schedule (or one application's, or one stage's), created after <c>createdAfter</c>; syncable.</summary>
    private static void ScheduleList(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out _)) return;
        if (!call.OptionalGuid("applicationId", out var applicationId) || !call.OptionalGuid("interviewStageId", out var stageId)) return;
        var org = call.Org;
        IReadOnlyList<InterviewSchedule> rows = org.InterviewSchedules;
        if (applicationId is { } aid)
        {
            if (org.FindApplication(aid) is not { } a || !call.CanSee(a))
            {
                call.NotFound(ErrorCodes.ApplicationNotFound, "Application", aid);
                return;
            }

            rows = org.InterviewSchedulesByApplication.GetValueOrDefault(aid) ?? (IReadOnlyList<InterviewSchedule>)[];
        }

        if (stageId is { } sid && org.FindStage(sid) is null)
        {
            call.NotFound(ErrorCodes.InterviewStageNotFound, "Interview stage", sid);
            return;
        }

        Pager.List(
            call,
            rows,
            (s, _) => call.CanSee(s.Application) && s.CreatedMs > after && (stageId is null || s.Stage.Id == stageId),
            (w, s) => InterviewJson.Schedule(w, s));
    }

    /// <summary>The events of one schedule (cancelled ones are gone), with the interview when <c>expand</c> asks for it.</summary>
    private static void EventList(AshbyCall call)
    {
        if (!call.RequiredGuid("interviewScheduleId", out var id) || !call.CreatedRange(out var after, out _)) return;
        if (!call.ExpandIncludes(["interview"], out var expand)) return;
        if (call.Org.FindInterviewSchedule(id) is not { } s || !call.CanSee(s.Application))
        {
            call.NotFound(ErrorCodes.InterviewScheduleNotFound, "Interview schedule", id);
            return;
        }

        var withInterview = expand.Contains("interview");
        Pager.List(call, s.Events, (e, _) => e.CreatedMs > after, (w, e) => InterviewJson.Event(w, e, withInterview));
    }

    private static void ScheduleCreate(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var applicationId)) return;
        if (!call.Present("interviewEvents", out var list)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: interviewEvents"); return; }
        if (list.ValueKind != JsonValueKind.Array) { call.FailParameter("interviewEvents", "interviewEvents must be an array of interview events"); return; }
        if (list.GetArrayLength() == 0) { call.Fail(ErrorCodes.InvalidInput, "interviewEvents must contain at least one interview event"); return; }
        var org = call.Org;
        if (org.FindApplication(applicationId) is not { } a || !call.CanSee(a))
        {
            call.NotFound(ErrorCodes.ApplicationNotFound, "Application", applicationId);
            return;
        }

        var events = new List<EventRequest>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (InterviewEventRequests.Read(call, item, $"interviewEvents[{index++}]", a, allowId: false) is not { } e) return;
            events.Add(e);
        }

        var (schedule, webhooks) = InterviewChanges.Create(org, call.NowMs, a, events, call.Key.Key);
        call.Publish(webhooks);
        call.Success(w => InterviewJson.Schedule(w, schedule));
    }

    /// <summary>
    /// Adds or updates events (<c>interviewEvent</c>, one or an array; with <c>interviewEventId</c> to update) or cancels
    /// them (<c>interviewEventIdToCancel</c>). Only schedules the calling key created can be updated, as the document says.
    /// </summary>
    private static void ScheduleUpdate(AshbyCall call)
    {
        if (!call.RequiredGuid("interviewScheduleId", out var id) || !call.OptionalBool("allowFeedbackDeletion", out var allowFeedbackDeletion)) return;
        var hasEvents = call.Present("interviewEvent", out var eventValue);
        var hasCancels = call.Present("interviewEventIdToCancel", out var cancelValue);
        if (!hasEvents && !hasCancels) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: interviewEvent or interviewEventIdToCancel"); return; }
        var org = call.Org;
        if (org.FindInterviewSchedule(id) is not { } s || !call.CanSee(s.Application))
        {
            call.NotFound(ErrorCodes.InterviewScheduleNotFound, "Interview schedule", id);
            return;
        }

        if (s.CreatedByKey != call.Key.Key)
        {
            call.Fail(ErrorCodes.InvalidInput, "Only interview schedules created using the API key making the request can be updated.");
            return;
        }

        var upserts = new List<EventRequest>();
        if (hasEvents)
        {
            if (eventValue.ValueKind == JsonValueKind.Object)
            {
                if (InterviewEventRequests.Read(call, eventValue, "interviewEvent", s.Application, allowId: true) is not { } e) return;
                upserts.Add(e);
            }
            else if (eventValue.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in eventValue.EnumerateArray())
                {
                    if (InterviewEventRequests.Read(call, item, $"interviewEvent[{index++}]", s.Application, allowId: true) is not { } e) return;
                    upserts.Add(e);
                }
            }
            else
            {
                call.FailParameter("interviewEvent", "interviewEvent must be an interview event or an array of them");
                return;
            }

            foreach (var u in upserts)
            {
                if (u.EventId is { } eventId && !s.Events.Exists(e => e.Id == eventId && !e.Deleted))
                {
                    call.NotFound(ErrorCodes.InterviewEventNotFound, "Interview event", eventId);
                    return;
                }
            }
        }

        var cancels = new List<InterviewEvent>();
        if (hasCancels)
        {
            if (!InterviewEventRequests.ReadIds(call, cancelValue, "interviewEventIdToCancel", out var ids)) return;
            foreach (var eventId in ids)
            {
                if (s.Events.Find(e => e.Id == eventId && !e.Deleted) is not { } e)
                {
                    call.NotFound(ErrorCodes.InterviewEventNotFound, "Interview event", eventId);
                    return;
                }

                if (e.HasSubmittedFeedback && !allowFeedbackDeletion)
                {
                    call.Fail(ErrorCodes.InvalidInput, $"Interview event {eventId} has submitted feedback; pass allowFeedbackDeletion: true to cancel it and delete the feedback.");
                    return;
                }

                cancels.Add(e);
            }
        }

        call.Publish(InterviewChanges.Update(org, call.NowMs, s, upserts, cancels));
        call.Success(w => InterviewJson.Schedule(w, s));
    }

    private static void ScheduleCancel(AshbyCall call)
    {
        if (!call.RequiredGuid("id", out var id) || !call.OptionalBool("allowReschedule", out _)) return;
        if (call.Org.FindInterviewSchedule(id) is not { } s || !call.CanSee(s.Application))
        {
            call.NotFound(ErrorCodes.InterviewScheduleNotFound, "Interview schedule", id);
            return;
        }

        if (s.Status != "Cancelled") call.Publish(InterviewChanges.Cancel(call.Org, call.NowMs, s));
        call.Success(w => InterviewJson.Schedule(w, s));
    }
}
