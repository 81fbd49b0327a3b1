using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Jobs and openings.</summary>
internal static class JobJson
{
    public static void Job(Utf8JsonWriter w, Job j, Viewer viewer, bool includeUnpublishedPostingIds = false, bool expandLocation = false, bool expandOpenings = false)
    {
        w.WriteStartObject();
        w.WriteString("id", j.Id);
        w.WriteString("title", j.Title);
        w.WriteBoolean("confidential", j.Confidential);
        w.WriteString("status", Enums.JobStatuses[(int)j.Status]);
        w.WriteString("employmentType", Enums.EmploymentTypes[j.EmploymentType]);
        w.WriteString("locationId", j.Location.Id);
        w.WriteString("departmentId", j.Department.Id);
        w.WriteString("defaultInterviewPlanId", j.Plan.Id);
        w.WriteStartArray("interviewPlanIds");
        w.WriteStringValue(j.Plan.Id);
        w.WriteEndArray();
        MetadataJson.Values(w, j.CustomFields, viewer);
        w.WriteStartArray("jobPostingIds");
        foreach (var p in j.Postings)
        {
            if (!p.Deleted && (p.IsPublished || includeUnpublishedPostingIds)) w.WriteStringValue(p.Id);
        }

        w.WriteEndArray();
        w.WriteStringOrNull("customRequisitionId", j.RequisitionId);
        w.WriteNull("brandId");
        OrganizationJson.HiringTeam(w, j.HiringTeam);
        OrganizationJson.UserOrNull(w, "author", j.Author);
        w.WriteTime("createdAt", j.CreatedMs);
        w.WriteTime("updatedAt", j.UpdatedMs);
        w.WriteTime("openedAt", j.OpenedMs);
        w.WriteTime("closedAt", j.ClosedMs);
        if (expandLocation)
        {
            w.WritePropertyName("location");
            OrganizationJson.Location(w, j.Location);
        }

        if (expandOpenings)
        {
            w.WriteStartArray("openings");
            foreach (var o in j.Openings)
            {
                if (!o.Deleted) Opening(w, o, viewer);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void Opening(Utf8JsonWriter w, Opening o, Viewer viewer)
    {
        w.WriteStartObject();
        w.WriteString("id", o.Id);
        w.WriteTime("openedAt", o.OpenedMs);
        w.WriteTime("closedAt", o.ClosedMs);
        w.WriteBoolean("isArchived", o.IsArchived);
        w.WriteTime("archivedAt", o.ArchivedMs);
        w.WriteNull("closeReasonId");
        w.WriteString("openingState", Enums.OpeningStates[o.State]);
        w.WriteStartObject("latestVersion");
        w.WriteString("id", o.VersionId);
        w.WriteString("identifier", o.Identifier);
        w.WriteStringOrNull("description", o.Description);
        w.WriteIdOrNull("authorId", o.Author?.Id);
        w.WriteTime("createdAt", o.CreatedMs);
        w.WriteString("teamId", o.Team.Id);
        w.WriteStartArray("jobIds");
        foreach (var j in o.Jobs)
        {
            if (!j.Deleted && (viewer.AllowConfidential || !j.Confidential)) w.WriteStringValue(j.Id);
        }

        w.WriteEndArray();
        w.WriteTime("targetHireDate", o.TargetHireMs);
        w.WriteTime("targetStartDate", o.TargetStartMs);
        w.WriteBoolean("isBackfill", o.IsBackfill);
        w.WriteString("employmentType", Enums.EmploymentTypes[o.EmploymentType]);
        w.WriteStartArray("locationIds");
        foreach (var l in o.Locations) w.WriteStringValue(l.Id);
        w.WriteEndArray();
        OrganizationJson.HiringTeam(w, o.HiringTeam);
        MetadataJson.Values(w, o.CustomFields, viewer);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
