using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Applications (list/info/webhook shape) and their stage history.</summary>
internal static class ApplicationJson
{
    public static void Application(Utf8JsonWriter w, Application a, Viewer viewer, bool withHistory = false, bool expandOpenings = false)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteTime("createdAt", a.CreatedMs);
        w.WriteTime("updatedAt", a.UpdatedMs);
        w.WriteString("status", Enums.ApplicationStatuses[(int)a.Status]);
        MetadataJson.Values(w, a.CustomFields, viewer);
        CandidateJson.Summary(w, a.Candidate);
        w.WritePropertyName("currentInterviewStage");
        InterviewPlanJson.Stage(w, a.Stage);
        MetadataJson.SourceOrNull(w, a.Source);
        w.WritePropertyName("archiveReason");
        if (a.ArchiveReason is { } r) MetadataJson.ArchiveReason(w, r);
        else w.WriteNullValue();
        w.WriteTime("archivedAt", a.ArchivedMs);
        w.WriteStartObject("job");
        w.WriteString("id", a.Job.Id);
        w.WriteString("title", a.Job.Title);
        w.WriteString("locationId", a.Job.Location.Id);
        w.WriteString("departmentId", a.Job.Department.Id);
        w.WriteEndObject();
        OrganizationJson.UserOrNull(w, "creditedToUser", a.CreditedTo);
        OrganizationJson.HiringTeam(w, a.EffectiveHiringTeam);
        w.WriteIdOrNull("appliedViaJobPostingId", a.AppliedViaPosting?.Id);
        w.WriteNull("submitterClientIp");
        w.WriteNull("submitterUserAgent");
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
            w.WriteNull("resumeFileHandle");
        }

        w.WriteEndObject();
    }

    public static void HistoryEntry(Utf8JsonWriter w, HistoryEntry h)
    {
        w.WriteStartObject();
        w.WriteString("id", h.Id);
        w.WriteString("stageId", h.Stage.Id);
        w.WriteString("title", h.Stage.Title);
        w.WriteTime("enteredStageAt", h.EnteredMs);
        w.WriteTime("leftStageAt", h.LeftMs);
        w.WriteNumber("stageNumber", h.Stage.Order);
        w.WriteStartArray("allowedActions");
        w.WriteStringValue("none");
        w.WriteEndArray();
        w.WriteNull("actorId");
        w.WriteEndObject();
    }
}
