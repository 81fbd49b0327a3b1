using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Data;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary><c>GET /_emulator/summary</c>: counts per object type (live rows, and the break-downs tests and demos look for).</summary>
internal static class SummaryRoute
{
    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/summary", (EmulatorServices services) =>
    {
        var org = services.Org;
        org.Gate.EnterReadLock();
        try
        {
            return ControlApi.Json(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("seed", org.Seed);
                w.WriteString("size", services.Options.Size);
                w.WriteNumber("changeSequence", org.Seq);
                w.WriteNumber("tokenEpoch", org.TokenEpoch);
                w.WriteStartObject("counts");
                w.WriteNumber("candidates", org.Candidates.Count(c => !c.Deleted));
                w.WriteNumber("applications", org.Applications.Count(a => !a.Deleted));
                w.WriteNumber("jobs", org.Jobs.Count(j => !j.Deleted));
                w.WriteNumber("jobPostings", org.JobPostings.Count(p => !p.Deleted));
                w.WriteNumber("openings", org.Openings.Count(o => !o.Deleted));
                w.WriteNumber("offers", org.Offers.Count(o => !o.Deleted));
                w.WriteNumber("users", org.Users.Count);
                w.WriteNumber("departments", org.Departments.Count);
                w.WriteNumber("locations", org.Locations.Count);
                w.WriteNumber("interviewPlans", org.InterviewPlans.Count);
                w.WriteNumber("customFields", org.CustomFields.Count);
                w.WriteNumber("sources", org.Sources.Count);
                w.WriteNumber("archiveReasons", org.ArchiveReasons.Count);
                w.WriteNumber("candidateTags", org.Tags.Count);
                w.WriteEndObject();
                Breakdown(w, "applicationsByStatus", Enums.ApplicationStatuses, org.Applications.Where(a => !a.Deleted).Select(a => (int)a.Status));
                Breakdown(w, "jobsByStatus", Enums.JobStatuses, org.Jobs.Where(j => !j.Deleted).Select(j => (int)j.Status));
                w.WriteNumber("confidentialJobs", org.Jobs.Count(j => !j.Deleted && j.Confidential));
                w.WriteNumber("deactivatedUsers", org.Users.Count(u => !u.IsEnabled));
                w.WriteEndObject();
            });
        }
        finally
        {
            org.Gate.ExitReadLock();
        }
    }).WithName("EmulatorSummary");

    private static void Breakdown(System.Text.Json.Utf8JsonWriter w, string name, string[] labels, IEnumerable<int> values)
    {
        var counts = new int[labels.Length];
        foreach (var v in values) counts[v]++;
        w.WriteStartObject(name);
        for (var i = 0; i < labels.Length; i++) w.WriteNumber(labels[i], counts[i]);
        w.WriteEndObject();
    }
}
