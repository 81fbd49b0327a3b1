using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary><c>job.list</c> and <c>job.info</c>.</summary>
internal static class JobEndpoints
{
    private static readonly string[] Expansions = ["location", "openings"];

    public static void Register(EndpointTable table) => table
        .Read("job.list", Permissions.JobsRead, List)
        .Read("job.info", Permissions.JobsRead, Info);

    /// <summary>Draft jobs are left out unless <c>status</c> names Draft (Ashby's documented default).</summary>
    private static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out _)) return;
        if (!call.OptionalStringArray("status", out var statuses, Enums.JobStatuses)) return;
        if (!call.OptionalLong("openedAfter", out var openedAfter) || !call.OptionalLong("openedBefore", out var openedBefore)) return;
        if (!call.OptionalLong("closedAfter", out var closedAfter) || !call.OptionalLong("closedBefore", out var closedBefore)) return;
        if (!call.OptionalBool("includeUnpublishedJobPostingsIds", out var unpublished) || !call.ExpandIncludes(Expansions, out var expand)) return;
        var wanted = statuses is { Length: > 0 }
            ? statuses.Select(s => (JobStatus)Enums.IndexOf(Enums.JobStatuses, s)).ToHashSet()
            : [JobStatus.Open, JobStatus.Closed, JobStatus.Archived];
        var location = expand.Contains("location");
        var openings = expand.Contains("openings");
        Pager.List(
            call,
            call.Org.Jobs,
            (j, _) => call.CanSee(j) && wanted.Contains(j.Status) && j.CreatedMs > after
                && (openedAfter is null || j.OpenedMs > openedAfter) && (openedBefore is null || j.OpenedMs < openedBefore)
                && (closedAfter is null || j.ClosedMs > closedAfter) && (closedBefore is null || j.ClosedMs < closedBefore),
            (w, j) => JobJson.Job(w, j, call.Viewer, unpublished, location, openings));
    }

    private static void Info(AshbyCall call)
    {
        if (!call.RequiredGuid("id", out var id)) return;
        if (!call.OptionalBool("includeUnpublishedJobPostingsIds", out var unpublished) || !call.ExpandIncludes(Expansions, out var expand)) return;
        if (call.Org.FindJob(id) is not { } job || !call.CanSee(job)) call.NotFound(ErrorCodes.JobNotFound, "Job", id);
        else call.Success(w => JobJson.Job(w, job, call.Viewer, unpublished, expand.Contains("location"), expand.Contains("openings")));
    }
}
