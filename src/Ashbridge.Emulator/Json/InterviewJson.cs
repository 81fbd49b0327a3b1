using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Interviews, schedules and their events, interviewer pools, interviewer settings and pauses, notetaker transcripts.</summary>
internal static class InterviewJson
{
    public static void Interview(Utf8JsonWriter w, Interview i)
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("title", i.Title);

        // "If not specified, the primary title will be returned."
        w.WriteString("externalTitle", i.ExternalTitle ?? i.Title);
        w.WriteBoolean("isArchived", i.IsArchived);
        w.WriteBoolean("isDebrief", i.IsDebrief);
        w.WriteBoolean("isFeedbackRequired", i.IsFeedbackRequired);
        w.WriteBoolean("isFeedbackRequested", i.IsFeedbackRequested);
        if (i.InstructionsPlain is { } plain)
        {
            w.WriteString("instructionsHtml", "<p>" + System.Net.WebUtility.HtmlEncode(plain) + "</p>");
            w.WriteString("instructionsPlain", plain);
        }

        // A shared interview has no job: the document types jobId as a non-null string, so it is left out.
        if (i.Job is { } job) w.WriteString("jobId", job.Id);
        w.WriteString("feedbackFormDefinitionId", i.FeedbackFormDefinitionId);
        w.WriteEndObject();
    }

    /// <summary>A user as Ashby's User object, leaving <c>managerId</c> out when there is none (the document types it non-null).</summary>
    public static void UserFields(Utf8JsonWriter w, User u) => OrganizationJson.UserFields(w, u);

    public static void User(Utf8JsonWriter w, User u) => OrganizationJson.User(w, u);

    public static void Schedule(Utf8JsonWriter w, InterviewSchedule s, Guid? candidateId = null)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("status", s.Status);
        w.WriteString("applicationId", s.Application.Id);
        w.WriteString("interviewStageId", s.Stage.Id);
        if (s.ScheduledBy is { } by)
        {
            w.WritePropertyName("scheduledBy");
            User(w, by);
        }

        w.WriteTime("createdAt", s.CreatedMs);
        w.WriteTime("updatedAt", s.UpdatedMs);
        w.WriteStartArray("interviewEvents");
        foreach (var e in s.Events)
        {
            if (!e.Deleted) Event(w, e, false);
        }

        w.WriteEndArray();
        if (candidateId is { } c) w.WriteString("candidateId", c);
        w.WriteEndObject();
    }

    public static void Event(Utf8JsonWriter w, InterviewEvent e, bool expandInterview)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("interviewId", e.Interview.Id);
        w.WriteString("interviewScheduleId", e.Schedule.Id);
        w.WriteStartArray("interviewerUserIds");
        foreach (var i in e.Interviewers) w.WriteStringValue(i.User.Id);
        w.WriteEndArray();
        w.WriteStartArray("interviewers");
        foreach (var i in e.Interviewers)
        {
            w.WriteStartObject();
            UserFields(w, i.User);

            // The document's enum leaves null out, but its description says qualified interviewers get null (the prose wins).
            if (i.TrainingRole is { } role) w.WriteString("trainingRole", role == TrainingRole.Shadow ? "Shadow" : "Reverse-Shadow");
            else w.WriteNull("trainingRole");
            w.WritePropertyName("interviewerPool");
            if (i.Pool is { } pool) Pool(w, pool, null);
            else w.WriteNullValue();
            w.WriteBoolean("isFeedbackRequired", i.FeedbackRequired);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteTime("createdAt", e.CreatedMs);
        w.WriteTime("updatedAt", e.UpdatedMs);
        w.WriteTime("startTime", e.StartMs);
        w.WriteTime("endTime", e.EndMs);
        w.WriteString("feedbackLink", $"https://app.ashbyhq.com/interview-briefings/{e.Id}/feedback");
        w.WriteStringOrNull("location", e.Location);
        w.WriteStringOrNull("meetingLink", e.MeetingLink);
        w.WriteNull("interviewerCalendarEventId");
        w.WriteBoolean("hasSubmittedFeedback", e.HasSubmittedFeedback);
        if (expandInterview)
        {
            w.WritePropertyName("interview");
            Interview(w, e.Interview);
        }

        if (e.NotetakerTranscriptId is { } transcript) w.WriteString("notetakerTranscriptId", transcript);
        if (e.ExtraData is { } extra)
        {
            w.WriteStartObject("extraData");
            foreach (var (k, v) in extra) w.WriteString(k, v);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// A pool; with <paramref name="isPaused"/> (interviewerPool.info and the writes) it adds <c>qualifiedMembers</c> and
    /// <c>trainees</c>, each with <c>isPaused</c>, trainees with their <c>currentProgress</c>.
    /// </summary>
    public static void Pool(Utf8JsonWriter w, InterviewerPool p, Func<User, bool>? isPaused, bool includeArchivedTrainingStages = true)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        w.WriteBoolean("isArchived", p.IsArchived);

        // A pool without training has no training path: the document types it as a non-null object, so it is left out.
        if (p.TrainingPathId != Guid.Empty)
        {
            w.WriteStartObject("trainingPath");
            w.WriteString("id", p.TrainingPathId);
            w.WriteBoolean("enabled", p.TrainingEnabled);
            w.WriteStartArray("trainingStages");
            foreach (var s in p.TrainingStages)
            {
                if (s.IsArchived && !includeArchivedTrainingStages) continue;
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("interviewerRole", s.Role == TrainingRole.Shadow ? "Shadow" : "ReverseShadow");
                w.WriteNumber("interviewsRequired", s.InterviewsRequired);
                w.WriteBoolean("isArchived", s.IsArchived);
                w.WriteBoolean("approvalRequired", s.ApprovalRequired);
                w.WriteStartArray("approvers");
                foreach (var u in s.Approvers) User(w, u);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (isPaused is not null)
        {
            w.WriteStartArray("qualifiedMembers");
            foreach (var u in p.Qualified)
            {
                w.WriteStartObject();
                UserFields(w, u);
                w.WriteBoolean("isPaused", isPaused(u));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("trainees");
            foreach (var t in p.Trainees)
            {
                w.WriteStartObject();
                UserFields(w, t.User);
                w.WriteBoolean("isPaused", isPaused(t.User));
                w.WriteStartObject("currentProgress");
                w.WriteString("trainingPathId", p.TrainingPathId);
                w.WriteString("trainingPathStageId", t.Stage.Id);
                w.WriteNumber("interviewsCompleted", t.InterviewsCompleted);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void Settings(Utf8JsonWriter w, User u, InterviewerSettings? s)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        if (s?.DailyLimit is { } daily) w.WriteNumber("dailyLimit", daily);
        else w.WriteNull("dailyLimit");
        if (s?.WeeklyLimit is { } weekly) w.WriteNumber("weeklyLimit", weekly);
        else w.WriteNull("weeklyLimit");
        w.WriteEndObject();
    }

    public static void Pause(Utf8JsonWriter w, InterviewerPause p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("userId", p.User.Id);
        w.WriteTime("startsAt", p.StartsMs);
        w.WriteTime("endsAt", p.EndsMs);
        w.WriteStringOrNull("comment", p.Comment);
        w.WriteTime("createdAt", p.CreatedMs);
        w.WriteEndObject();
    }

    public static void Transcript(Utf8JsonWriter w, NotetakerTranscript t, long nowMs)
    {
        var e = t.Event;
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("interviewEventId", e.Id);
        w.WriteString("interviewScheduleId", e.Schedule.Id);
        w.WriteTime("createdAt", t.CreatedMs);
        w.WriteStartArray("participants");
        foreach (var i in e.Interviewers)
        {
            w.WriteStartObject();
            w.WriteString("id", i.User.Id);
            w.WriteString("type", "interviewer");
            w.WriteString("name", i.User.FirstName + " " + i.User.LastName);
            w.WriteString("email", i.User.Email);
            w.WriteEndObject();
        }

        var c = e.Schedule.Application.Candidate;
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("type", "candidate");
        w.WriteString("name", c.Name);
        w.WriteStringOrNull("email", c.PrimaryEmail?.Value);
        w.WriteEndObject();
        w.WriteEndArray();

        // A pre-signed download link valid for an hour from the call, as the description says ("download promptly").
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(nowMs + 3_600_000).ToUnixTimeSeconds();
        w.WriteString("transcriptUrl", $"https://notetaker-transcripts.ashbyhq.com/{t.Id}.json?expires={expires}&signature={t.Id.ToString("N")[..16]}");
        w.WriteEndObject();
    }
}
