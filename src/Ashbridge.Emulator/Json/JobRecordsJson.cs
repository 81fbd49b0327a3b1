using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Brands, close reasons, job boards and job templates.</summary>
internal static class JobRecordsJson
{
    public static void Brand(Utf8JsonWriter w, Brand b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("name", b.Name);
        w.WriteString("hostedJobsPageSlug", b.HostedJobsPageSlug);
        w.WriteEndObject();
    }

    public static void CloseReason(Utf8JsonWriter w, CloseReason r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("reasonText", r.Text);
        w.WriteBoolean("isArchived", r.IsArchived);
        w.WriteEndObject();
    }

    public static void Board(Utf8JsonWriter w, JobBoard b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("title", b.Title);
        w.WriteBoolean("isInternal", b.IsInternal);
        w.WriteEndObject();
    }

    public static void Template(Utf8JsonWriter w, JobTemplate t, bool expandLocation)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("title", t.Title);
        w.WriteString("status", t.IsActive ? "Active" : "Inactive");
        w.WriteIdIfAny("locationId", t.Location?.Id);
        w.WriteIdIfAny("departmentId", t.Department?.Id);
        w.WriteIdIfAny("defaultInterviewPlanId", t.Plan?.Id);
        w.WriteStartArray("interviewPlanIds");
        if (t.Plan is { } plan) w.WriteStringValue(plan.Id);
        w.WriteEndArray();
        w.WriteTime("createdAt", t.CreatedMs);
        w.WriteTime("updatedAt", t.UpdatedMs);
        if (expandLocation && t.Location is { } location)
        {
            w.WritePropertyName("location");
            OrganizationJson.Location(w, location);
        }

        w.WriteEndObject();
    }
}
