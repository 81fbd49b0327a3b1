using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary><c>jobPosting.list</c> (not paginated), <c>jobPosting.info</c> and <c>jobPosting.update</c>.</summary>
internal static class JobPostingEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("jobPosting.list", Permissions.JobsRead, List)
        .Read("jobPosting.info", Permissions.JobsRead, Info)
        .Write("jobPosting.update", Permissions.JobsWrite, Update);

    /// <summary>
    /// Published postings only (unless <c>includeUnpublishedJobPostings</c>); unlisted ones are included unless
    /// <c>listedOnly</c>; <c>location</c>/<c>department</c> filter by name, case-sensitively. Every posting is on the
    /// external board, so <c>jobBoardId</c> naming the internal board lists none.
    /// </summary>
    private static void List(AshbyCall call)
    {
        if (!call.OptionalString("location", out var location) || !call.OptionalString("department", out var department)) return;
        if (!call.OptionalBool("listedOnly", out var listedOnly) || !call.OptionalBool("includeUnpublishedJobPostings", out var unpublished)) return;
        if (!call.OptionalGuid("jobBoardId", out var boardId)) return;
        JobBoard? board = null;
        if (boardId is { } b && (board = call.Org.FindJobBoard(b)) is null) { call.NotFound(ErrorCodes.JobBoardNotFound, "Job board", b); return; }
        List<JobPosting> postings = board is { IsInternal: true } ? [] : call.Org.JobPostings;
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var p in postings)
            {
                if (p.Deleted || !call.CanSee(p.Job) || (!p.IsPublished && !unpublished) || (listedOnly && !p.IsListed)) continue;
                if (location is not null && p.Job.Location.Name != location) continue;
                if (department is not null && p.Job.Department.Name != department && p.Job.Department.Parent?.Name != department) continue;
                JobPostingJson.Summary(w, p);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>
    /// A posting the key may see; an unpublished one only with <c>includeUnpublishedJobPostings</c> (Ashby's changelog,
    /// 2026-05-26 and 2026-06-11: without it, info and update answer not found for unpublished postings).
    /// </summary>
    private static JobPosting? Find(AshbyCall call, Guid id, bool includeUnpublished) =>
        call.Org.FindPosting(id) is { } p && call.CanSee(p.Job) && (p.IsPublished || includeUnpublished) ? p : null;

    private static void Info(AshbyCall call)
    {
        if (!call.RequiredGuid("jobPostingId", out var id) || !call.ExpandIncludes(["job"], out var expand)) return;
        if (!call.OptionalGuid("jobBoardId", out _) || !call.OptionalBool("includeUnpublishedJobPostings", out var unpublished)) return;
        if (Find(call, id, unpublished) is not { } p) call.NotFound(ErrorCodes.JobPostingNotFound, "Job posting", id);
        else call.Success(w => JobPostingJson.Info(w, p, expand.Contains("job"), call.Viewer, call.Org.FormFieldIds));
    }

    /// <summary>
    /// <c>jobPosting.update</c>: <c>title</c>, <c>workplaceType</c>, <c>suppressDescriptionOpening</c>/<c>Closing</c> and
    /// <c>description</c> <c>{ type: "text/html", content }</c> (replaces the body, <c>descriptionParts.descriptionBody</c>);
    /// answers the <c>jobPosting.info</c> shape; <c>jobPostingUpdate</c>. Unpublished postings need <c>includeUnpublishedJobPostings</c>.
    /// </summary>
    private static void Update(AshbyCall call)
    {
        if (!call.RequiredGuid("jobPostingId", out var id)) return;
        if (!call.OptionalString("title", out var title) || !call.OptionalEnum("workplaceType", Enums.WorkplaceTypes, out var workplace)) return;
        if (!call.OptionalBool("suppressDescriptionOpening", out var suppressOpening) || !call.OptionalBool("suppressDescriptionClosing", out var suppressClosing)) return;
        string? html = null;
        if (call.Present("description", out var description))
        {
            if (description.ValueKind != JsonValueKind.Object) { call.FailParameter("description", "description must be an object { type, content }"); return; }
            if (!call.NestedString(description, "description", "type", out var type) || !call.NestedString(description, "description", "content", out html)) return;
            if (type is null || html is null) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: description.type and description.content"); return; }
            if (type != "text/html") { call.Fail(ErrorCodes.InvalidInput, "description.type must be one of: text/html"); return; }
        }

        if (title is { Length: 0 }) { call.Fail(ErrorCodes.InvalidInput, "title must not be empty"); return; }
        if (!call.OptionalBool("includeUnpublishedJobPostings", out var unpublished)) return;
        if (Find(call, id, unpublished) is not { } p) { call.NotFound(ErrorCodes.JobPostingNotFound, "Job posting", id); return; }
        var body = call.Body;
        bool? opening = body.TryGetProperty("suppressDescriptionOpening", out var o) && o.ValueKind != JsonValueKind.Null ? suppressOpening : null;
        bool? closing = body.TryGetProperty("suppressDescriptionClosing", out var c) && c.ValueKind != JsonValueKind.Null ? suppressClosing : null;
        byte? workplaceType = workplace is null ? null : (byte)Enums.IndexOf(Enums.WorkplaceTypes, workplace);
        call.Publish(JobChanges.UpdatePosting(call.Org, call.NowMs, p, title, workplaceType, opening, closing, html));
        call.Success(w => JobPostingJson.Info(w, p, false, call.Viewer, call.Org.FormFieldIds));
    }
}
