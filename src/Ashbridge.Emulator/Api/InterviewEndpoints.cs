using System.Globalization;
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
    private static readonly Note[] Nothing = [];

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
            .Write("interviewSchedule.cancel", Permissions.InterviewsWrite, ScheduleCancel)
            .Read("applicationFeedback.list", Permissions.CandidatesRead, EmptyList);
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
            if (ReadEvent(call, item, $"interviewEvents[{index++}]", a, allowId: false) is not { } e) return;
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
                if (ReadEvent(call, eventValue, "interviewEvent", s.Application, allowId: true) is not { } e) return;
                upserts.Add(e);
            }
            else if (eventValue.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in eventValue.EnumerateArray())
                {
                    if (ReadEvent(call, item, $"interviewEvent[{index++}]", s.Application, allowId: true) is not { } e) return;
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
            if (!ReadIds(call, cancelValue, "interviewEventIdToCancel", out var ids)) return;
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

    /// <summary>Reads one event of a write: times, interviewers by email (enabled users), the interview (default when absent), extraData.</summary>
    private static EventRequest? ReadEvent(AshbyCall call, JsonElement item, string name, Application a, bool allowId)
    {
        if (item.ValueKind != JsonValueKind.Object) { call.FailParameter(name, $"{name} must be an object"); return null; }
        Guid? eventId = null;
        if (allowId && item.TryGetProperty("interviewEventId", out var idValue) && idValue.ValueKind != JsonValueKind.Null)
        {
            if (idValue.ValueKind != JsonValueKind.String) { call.FailParameter(name + ".interviewEventId", "interviewEventId must be a string (a UUID)"); return null; }
            if (!Guid.TryParseExact(idValue.GetString(), "D", out var parsed)) { call.Fail(ErrorCodes.InvalidInput, $"{name}.interviewEventId must be a UUID"); return null; }
            eventId = parsed;
        }

        if (!ReadTime(call, item, name, "startTime", out var start) || !ReadTime(call, item, name, "endTime", out var end)) return null;
        if (end <= start) { call.Fail(ErrorCodes.InvalidInput, $"{name}.endTime must be after startTime"); return null; }
        if (!item.TryGetProperty("interviewers", out var people) || people.ValueKind == JsonValueKind.Null) { call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}.interviewers"); return null; }
        if (people.ValueKind != JsonValueKind.Array) { call.FailParameter(name + ".interviewers", "interviewers must be an array"); return null; }
        if (people.GetArrayLength() == 0) { call.Fail(ErrorCodes.InvalidInput, $"{name}.interviewers must name at least one interviewer"); return null; }
        var interviewers = new List<EventInterviewer>();
        foreach (var p in people.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("email", out var email) || email.ValueKind != JsonValueKind.String)
            {
                call.FailParameter(name + ".interviewers", "each interviewer must be an object with an email string");
                return null;
            }

            var feedback = true;
            if (p.TryGetProperty("feedbackRequired", out var f) && f.ValueKind != JsonValueKind.Null)
            {
                if (f.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { call.FailParameter(name + ".interviewers.feedbackRequired", "feedbackRequired must be a boolean"); return null; }
                feedback = f.GetBoolean();
            }

            var address = email.GetString()!;
            var user = call.Org.Users.Find(u => u.IsEnabled && string.Equals(u.Email, address, StringComparison.OrdinalIgnoreCase));
            if (user is null) { call.Fail(ErrorCodes.InvalidInput, $"No enabled user in the organisation has the email {address}"); return null; }
            if (interviewers.Exists(x => x.User == user)) continue;

            // A trainee of an active pool interviews in their training role, as Ashby's interviewer training assigns it.
            var training = call.Org.InterviewerPools.Where(x => !x.IsArchived && x.TrainingEnabled).SelectMany(x => x.Trainees.Where(t => t.User == user).Select(t => (t, x))).FirstOrDefault();
            interviewers.Add(training.t is { } t ? new EventInterviewer(user, feedback, t.Stage.Role, training.x) : new EventInterviewer(user, feedback));
        }

        var interview = call.Org.DefaultInterview;
        if (item.TryGetProperty("interviewId", out var iv) && iv.ValueKind != JsonValueKind.Null)
        {
            if (iv.ValueKind != JsonValueKind.String) { call.FailParameter(name + ".interviewId", "interviewId must be a string (a UUID)"); return null; }
            if (!Guid.TryParseExact(iv.GetString(), "D", out var interviewId)) { call.Fail(ErrorCodes.InvalidInput, $"{name}.interviewId must be a UUID"); return null; }
            interview = call.Org.FindInterview(interviewId);
            if (interview is null || (interview.Job is { } j && !call.CanSee(j))) { call.NotFound(ErrorCodes.InterviewNotFound, "Interview", interviewId); return null; }
            if (interview.Job is { } job && job != a.Job) { call.Fail(ErrorCodes.InvalidInput, $"Interview {interviewId} belongs to another job and can only be scheduled for its applications"); return null; }
        }

        if (interview is null) { call.Fail(ErrorCodes.InvalidInput, "The organisation has no default interview: pass interviewId"); return null; }
        Dictionary<string, string>? extra = null;
        if (item.TryGetProperty("extraData", out var x) && x.ValueKind != JsonValueKind.Null)
        {
            if (x.ValueKind != JsonValueKind.Object) { call.FailParameter(name + ".extraData", "extraData must be an object of strings"); return null; }
            extra = [];
            foreach (var prop in x.EnumerateObject())
            {
                if (prop.Value.ValueKind != JsonValueKind.String) { call.FailParameter(name + ".extraData", "extraData values must be strings"); return null; }
                var value = prop.Value.GetString()!;
                if (prop.Name.Length > 100 || value.Length > 512) { call.Fail(ErrorCodes.InvalidInput, $"{name}.extraData keys must be at most 100 characters and values at most 512"); return null; }
                extra[prop.Name] = value;
            }

            if (x.GetRawText().Length >= 1024) { call.Fail(ErrorCodes.InvalidInput, $"{name}.extraData must be less than 1kb"); return null; }
        }

        return new EventRequest(eventId, start, end, interviewers, interview, extra);
    }

    private static bool ReadTime(AshbyCall call, JsonElement item, string name, string field, out long ms)
    {
        ms = 0;
        if (!item.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}.{field}");
        if (v.ValueKind != JsonValueKind.String) return call.FailParameter($"{name}.{field}", $"{field} must be an ISO 8601 date-time string");
        if (!DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return call.Fail(ErrorCodes.InvalidInput, $"{name}.{field} must be an ISO 8601 date-time");
        ms = t.ToUnixTimeMilliseconds();
        return true;
    }

    /// <summary>One UUID or an array of them.</summary>
    private static bool ReadIds(AshbyCall call, JsonElement value, string name, out List<Guid> ids)
    {
        ids = [];
        JsonElement[] items = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.String) return call.FailParameter(name, $"{name} must be a UUID or an array of UUIDs");
            if (!Guid.TryParseExact(item.GetString(), "D", out var id)) return call.Fail(ErrorCodes.InvalidInput, $"{name} must contain UUIDs");
            ids.Add(id);
        }

        return ids.Count > 0 || call.Fail(ErrorCodes.InvalidInput, $"{name} must name at least one interview event");
    }

    private static void EmptyList(AshbyCall call) => Pager.List(call, Nothing, (_, _) => true, (_, _) => { });
}
