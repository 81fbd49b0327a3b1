using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>An interview event as a write asks for it (times in ms, interviewers resolved to users).</summary>
internal sealed record EventRequest(Guid? EventId, long StartMs, long EndMs, List<EventInterviewer> Interviewers, Interview Interview, Dictionary<string, string>? ExtraData);

/// <summary>Interview schedule writes and the webhooks Ashby sends for them.</summary>
internal static class InterviewChanges
{
    /// <summary>A new schedule at the application's current stage: <c>interviewScheduleCreate</c> + <c>interviewScheduleUpdate</c>.</summary>
    public static (InterviewSchedule Schedule, IReadOnlyList<WebhookEvent> Events) Create(Organization org, long now, Application a, IReadOnlyList<EventRequest> events, string? key)
    {
        var s = new InterviewSchedule { Id = org.NewId(), Application = a, Stage = a.Stage, Status = "Scheduled", CreatedMs = now, UpdatedMs = now, CreatedByKey = key };
        foreach (var e in events) s.Events.Add(NewEvent(org, now, s, e));
        org.AddInterviewSchedule(s);
        org.Touch(s, now);
        return (s, [Payload("interviewScheduleCreate", s, false), Payload("interviewScheduleUpdate", s, true)]);
    }

    /// <summary>Adds or updates events and cancels others: <c>interviewScheduleUpdate</c>.</summary>
    public static IReadOnlyList<WebhookEvent> Update(Organization org, long now, InterviewSchedule s, IReadOnlyList<EventRequest> upserts, IReadOnlyList<InterviewEvent> cancels)
    {
        foreach (var r in upserts)
        {
            if (r.EventId is { } id && s.Events.Find(e => e.Id == id && !e.Deleted) is { } existing)
            {
                existing.StartMs = r.StartMs;
                existing.EndMs = r.EndMs;
                existing.Interviewers = r.Interviewers;
                existing.Interview = r.Interview;
                existing.ExtraData = r.ExtraData ?? existing.ExtraData;
                org.Touch(existing, now);
            }
            else
            {
                var e = NewEvent(org, now, s, r);
                s.Events.Add(e);
                org.InterviewEventsById[e.Id] = e;
            }
        }

        foreach (var e in cancels)
        {
            e.Deleted = true;
            org.Touch(e, now);
        }

        s.Status = s.Events.Exists(e => !e.Deleted) ? "Scheduled" : "NeedsScheduling";
        org.Touch(s, now);
        return [Payload("interviewScheduleUpdate", s, true)];
    }

    /// <summary>Cancels the schedule and its events: <c>interviewScheduleUpdate</c>.</summary>
    public static IReadOnlyList<WebhookEvent> Cancel(Organization org, long now, InterviewSchedule s)
    {
        foreach (var e in s.Events)
        {
            if (e.Deleted) continue;
            e.Deleted = true;
            org.Touch(e, now);
        }

        s.Status = "Cancelled";
        org.Touch(s, now);
        return [Payload("interviewScheduleUpdate", s, true)];
    }

    private static InterviewEvent NewEvent(Organization org, long now, InterviewSchedule s, EventRequest r)
    {
        var e = new InterviewEvent
        {
            Id = org.NewId(), Schedule = s, Interview = r.Interview, StartMs = r.StartMs, EndMs = r.EndMs, Interviewers = r.Interviewers,
            ExtraData = r.ExtraData, Location = null, MeetingLink = null, CreatedMs = now,
        };
        org.Touch(e, now);
        return e;
    }

    /// <summary><c>{ interviewSchedule }</c>; the update type adds <c>candidateId</c> to the schedule, as the document's payload does.</summary>
    public static WebhookEvent Payload(string action, InterviewSchedule s, bool withCandidate)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            w.WriteStartObject();
            w.WritePropertyName("interviewSchedule");
            InterviewJson.Schedule(w, s, withCandidate ? s.Application.Candidate.Id : null);
            w.WriteEndObject();
        }

        return new WebhookEvent(action, JsonNode.Parse(buffer.WrittenSpan)!.AsObject());
    }
}
