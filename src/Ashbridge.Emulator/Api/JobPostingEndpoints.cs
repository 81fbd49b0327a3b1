using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary><c>jobPosting.list</c> (not paginated) and <c>jobPosting.info</c>.</summary>
internal static class JobPostingEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("jobPosting.list", Permissions.JobsRead, List)
        .Read("jobPosting.info", Permissions.JobsRead, Info);

    /// <summary>
    /// Published postings only (unless <c>includeUnpublishedJobPostings</c>); unlisted ones are included unless
    /// <c>listedOnly</c>; <c>location</c>/<c>department</c> filter by name, case-sensitively.
    /// </summary>
    private static void List(AshbyCall call)
    {
        if (!call.OptionalString("location", out var location) || !call.OptionalString("department", out var department)) return;
        if (!call.OptionalBool("listedOnly", out var listedOnly) || !call.OptionalBool("includeUnpublishedJobPostings", out var unpublished)) return;
        if (!call.OptionalGuid("jobBoardId", out _)) return;
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var p in call.Org.JobPostings)
            {
                if (p.Deleted || !call.CanSee(p.Job) || (!p.IsPublished && !unpublished) || (listedOnly && !p.IsListed)) continue;
                if (location is not null && p.Job.Location.Name != location) continue;
                if (department is not null && p.Job.Department.Name != department && p.Job.Department.Parent?.Name != department) continue;
                JobPostingJson.Summary(w, p);
            }

            w.WriteEndArray();
        });
    }

    private static void Info(AshbyCall call)
    {
        if (!call.RequiredGuid("jobPostingId", out var id) || !call.ExpandIncludes(["job"], out var expand)) return;
        if (call.Org.FindPosting(id) is not { } p || !call.CanSee(p.Job)) call.NotFound(ErrorCodes.JobPostingNotFound, "Job posting", id);
        else call.Success(w => JobPostingJson.Info(w, p, expand.Contains("job"), call.Viewer));
    }
}
