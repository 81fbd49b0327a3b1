using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>
/// Applications (list/info/webhook shape) and their stage history. Optional fields the document types as non-null
/// (<c>source</c>, <c>archiveReason</c>, <c>archivedAt</c>, <c>creditedToUser</c>, <c>appliedViaJobPostingId</c>,
/// <c>submitterClientIp</c>, <c>submitterUserAgent</c>, <c>leftStageAt</c>, <c>actorId</c>…) are left out when there is
/// no value rather than sent as <c>null</c> (evidence in docs/concepts/emulator.md).
/// </summary>
internal static class ApplicationJson
{
    public static void Application(Utf8JsonWriter w, Application a, Viewer viewer, bool withHistory = false, bool expandOpenings = false, Action<Utf8JsonWriter>? more = null)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteTime("createdAt", a.CreatedMs);
        w.WriteTime("updatedAt", a.UpdatedMs);
        w.WriteString("status", Enums.ApplicationStatuses[(int)a.Status]);
        MetadataJson.Values(w, a.CustomFields, viewer);
        CandidateSummary(w, a.Candidate);
        w.WritePropertyName("currentInterviewStage");
        Stage(w, a.Stage);
        if (a.Source is { } source)
        {
            w.WritePropertyName("source");
            MetadataJson.Source(w, source);
        }

        if (a.ArchiveReason is { } r)
        {
            w.WritePropertyName("archiveReason");
            ArchiveReason(w, r);
        }

        if (a.ArchivedMs is { } archived) w.WriteTime("archivedAt", archived);
        w.WriteStartObject("job");
        w.WriteString("id", a.Job.Id);
        w.WriteString("title", a.Job.Title);
        w.WriteString("locationId", a.Job.Location.Id);
        w.WriteString("departmentId", a.Job.Department.Id);
        w.WriteEndObject();
        if (a.CreditedTo is { } credited)
        {
            w.WritePropertyName("creditedToUser");
            User(w, credited);
        }

        OrganizationJson.HiringTeam(w, a.EffectiveHiringTeam);
        if (a.AppliedViaPosting is { } posting) w.WriteString("appliedViaJobPostingId", posting.Id);
        if (expandOpenings)
        {
            w.WriteStartArray("openings");
            foreach (var o in a.Job.Openings)
            {
                if (!o.Deleted) JobJson.Opening(w, o, viewer);
            }

            w.WriteEndArray();
        }

        if (withHistory)
        {
            w.WriteStartArray("applicationHistory");
            foreach (var h in ApplicationHistory.Of(a)) HistoryEntry(w, h);
            w.WriteEndArray();
        }

        more?.Invoke(w);
        w.WriteEndObject();
    }

    public static void HistoryEntry(Utf8JsonWriter w, HistoryEntry h)
    {
        w.WriteStartObject();
        w.WriteString("id", h.Id);
        w.WriteString("stageId", h.Stage.Id);
        w.WriteString("title", h.Stage.Title);
        w.WriteTime("enteredStageAt", h.EnteredMs);
        if (h.LeftMs is { } left) w.WriteTime("leftStageAt", left);
        w.WriteNumber("stageNumber", h.Stage.Order);
        w.WriteStartArray("allowedActions");
        w.WriteStringValue("none");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An application's archive reason: the archiveReason.list fields plus <c>customFields</c>, which Ashby requires here.</summary>
    public static void ArchiveReason(Utf8JsonWriter w, ArchiveReason r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("text", r.Text);
        w.WriteString("reasonType", Enums.ReasonTypes[r.ReasonType]);
        w.WriteBoolean("isArchived", r.IsArchived);

        // Archive reasons carry no custom fields in the emulated organisation.
        w.WriteStartArray("customFields");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A user as applications and feedback embed it (the organisation's user shape).</summary>
    public static void User(Utf8JsonWriter w, User u) => OrganizationJson.User(w, u);

    private static void CandidateSummary(Utf8JsonWriter w, Candidate c)
    {
        w.WriteStartObject("candidate");
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name);
        Contact(w, "primaryEmailAddress", c.PrimaryEmail);
        Contact(w, "primaryPhoneNumber", c.PrimaryPhone);
        w.WriteEndObject();
    }

    private static void Contact(Utf8JsonWriter w, string name, ContactPoint? point)
    {
        if (point is not { } p) return;
        w.WriteStartObject(name);
        w.WriteString("value", p.Value);
        w.WriteString("type", Enums.ContactTypes[(int)p.Type]);
        w.WriteBoolean("isPrimary", p.IsPrimary);
        w.WriteEndObject();
    }

    /// <summary>The current stage; the emulator has no stage groups, so <c>interviewStageGroupId</c> is left out.</summary>
    private static void Stage(Utf8JsonWriter w, InterviewStage s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        w.WriteString("type", Enums.StageTypes[(int)s.Type]);
        w.WriteNumber("orderInInterviewPlan", s.Order);
        w.WriteString("interviewPlanId", s.Plan.Id);
        w.WriteEndObject();
    }
}
