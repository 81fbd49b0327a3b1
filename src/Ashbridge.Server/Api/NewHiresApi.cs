using System.ComponentModel;
using System.Security.Claims;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.NewHires;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The new-hire queue of a connection over JSON: list, read (with suggestions from the values members use), save the
/// reviewer's values, add as a member, delete; and the field mapping. Salary and compensation are shown to admins only.
/// </summary>
public static class NewHiresApi
{
    /// <summary>What <c>POST …/new-hires/add-complete</c> answers: how many were added, and who was left and why.</summary>
    public sealed record AddCompleteAnswer(int Added, int NeedFields, int Changed, IReadOnlyList<string> AddedNames, IReadOnlyList<string> NeedFieldsNames, IReadOnlyList<string> ChangedNames, string Summary);

    /// <summary>What <c>PUT …/new-hires/{applicationId}</c> takes: field → value (empty removes the override).</summary>
    public sealed record SaveReviewRequest(Dictionary<string, string?> Values);

    public static IEndpointRouteBuilder MapNewHiresApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/connections/{name}/new-hires").WithTags("New hires").RequireAuthorization(AccessPolicies.Read);
        api.MapGet("", ListAsync).WithName("ListNewHires").WithSummary("The connection's new hires in a state (pending by default), searched, filtered, sorted and paged; X-Total-Count gives the number matching");
        api.MapGet("/mapping", GetMappingAsync).WithName("GetNewHireMapping").WithSummary("The field mapping: default fields on or off, custom mappings, compensation types");
        api.MapPut("/mapping", SaveMappingAsync).RequireAuthorization(AccessPolicies.Operate).WithName("SaveNewHireMapping").WithSummary("Saves the mapping and re-maps every pending new hire");
        api.MapGet("/{applicationId}", GetAsync).WithName("GetNewHire").WithSummary("A new hire with its review form and suggestions");
        api.MapPut("/{applicationId}", SaveAsync).RequireAuthorization(AccessPolicies.Operate).WithName("ReviewNewHire").WithSummary("Saves the reviewer's values and marks the changes seen");
        api.MapPost("/{applicationId}/member", AddMemberAsync).RequireAuthorization(AccessPolicies.Operate).WithName("AddNewHireAsMember").WithSummary("Adds the new hire to the people directory and sends it outward");
        api.MapPost("/add-complete", AddCompleteAsync).RequireAuthorization(AccessPolicies.Operate).WithName("AddCompleteNewHires").WithSummary("Adds every complete pending new hire as a member; answers how many were added and which need fields");
        api.MapPost("/{applicationId}/restore", RestoreAsync).RequireAuthorization(AccessPolicies.Operate).WithName("RestoreNewHire").WithSummary("Brings a deleted new hire back to the queue as pending");
        api.MapDelete("/{applicationId}", DeleteAsync).RequireAuthorization(AccessPolicies.Operate).WithName("DeleteNewHire").WithSummary("Deletes the new hire; it does not come back unless Ashby re-hires");
        return routes;
    }

    // The state is read here, not bound as the enum: the binder matches enum names case-sensitively, so the documented
    // "pending" was refused and only "Pending" worked.
    private static async Task<Results<Ok<IReadOnlyList<NewHire>>, ProblemHttpResult>> ListAsync(
        string name,
        [Description("pending (the default), added or deleted")] string? state,
        [Description("words found in the name, personal email, job title or department")] string? q,
        [Description("complete, missing-fields or changed-since-review (pending hires)")] string? status,
        [Description("possible-duplicate or start-date-in-past (pending hires)")] string? flag,
        [Description("queued (the default), name or start-date")] string? sort,
        [Description("asc or desc; queued sorts newest first by default, the others A to Z")] string? order,
        [Description("from 1")] int? page,
        [Description("hires per page, 1 to 200; all of them when not given")] int? pageSize,
        ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, HttpResponse response, CancellationToken ct)
    {
        var wanted = Word<NewHireState>(state, NewHireState.Pending);
        if (wanted is null) return BadQuery($"'{state}' is not a state; use pending, added or deleted.");
        var wantedStatus = status is null ? (NewHireStatus?)null : Word<NewHireStatus>(status, default);
        if (status is not null && wantedStatus is null or NewHireStatus.Added or NewHireStatus.Deleted)
        {
            return BadQuery($"'{status}' is not a status to filter by; use complete, missing-fields or changed-since-review.");
        }

        var wantedFlag = flag is null ? (NewHireWarning?)null : Word<NewHireWarning>(flag, default);
        if (flag is not null && wantedFlag is null) return BadQuery($"'{flag}' is not a flag; use possible-duplicate or start-date-in-past.");
        var wantedSort = Word<NewHireSort>(sort, NewHireSort.Queued);
        if (wantedSort is null) return BadQuery($"'{sort}' is not a sort order; use queued, name or start-date.");
        if (order is not (null or "asc" or "desc")) return BadQuery($"'{order}' is not an order; use asc or desc.");
        if (page is < 1) return BadQuery("page starts at 1.");
        if (pageSize is < 1 or > NewHireQuery.MaxPageSize) return BadQuery($"pageSize is from 1 to {NewHireQuery.MaxPageSize}.");

        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        var result = await review.SearchAsync(c.Id, new NewHireQuery(
            wanted.Value, q, wantedStatus, wantedFlag, wantedSort.Value, order is null ? wantedSort == NewHireSort.Queued : order == "desc",
            page ?? 1, pageSize ?? NewHireQuery.MaxPageSize), ct);
        if (pageSize is null && page is null && result.Total > result.PageSize)
        {
            // No paging asked for: the whole list, as before paging existed.
            result = await review.SearchAsync(c.Id, new NewHireQuery(wanted.Value, q, wantedStatus, wantedFlag, wantedSort.Value,
                order is null ? wantedSort == NewHireSort.Queued : order == "desc", 1, int.MaxValue), ct);
        }

        response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var list = result.Items.Select(i => i.NewHire).ToList();
        return TypedResults.Ok<IReadOnlyList<NewHire>>(principal.MaySeeCompensation() ? list : [.. list.Select(h => h.WithoutCompensation())]);
    }

    // Enum words as the API documents them: case-insensitive, dashes or not ("missing-fields", "MissingFields").
    private static T? Word<T>(string? word, T fallback) where T : struct, Enum =>
        word is null ? fallback
            : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(v.ToString(), word.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult BadQuery(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The list cannot be read that way");

    private static async Task<Results<Ok<AddCompleteAnswer>, ProblemHttpResult>> AddCompleteAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        var result = await review.AddCompleteAsync(c.Id, principal.Actor(), ct);
        return TypedResults.Ok(new AddCompleteAnswer(result.Added.Count, result.NeedFields.Count, result.Changed.Count, result.Added, result.NeedFields, result.Changed, result.Summary()));
    }

    private static async Task<Results<Ok<NewHire>, ProblemHttpResult>> RestoreAsync(
        string name, string applicationId, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        try
        {
            var hire = await review.RestoreAsync(c.Id, applicationId, principal.Actor(), ct);
            return TypedResults.Ok(principal.MaySeeCompensation() ? hire : hire.WithoutCompensation());
        }
        catch (NewHireNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No such deleted new hire");
        }
    }

    private static async Task<Results<Ok<NewHireDetail>, ProblemHttpResult>> GetAsync(
        string name, string applicationId, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, NewHireViews views, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        if (await review.GetAsync(c.Id, applicationId, ct) is not { } hire) return NoHire(applicationId);
        return TypedResults.Ok(await views.DetailAsync(c, hire, principal.MaySeeCompensation(), ct));
    }

    private static async Task<Results<Ok<NewHireDetail>, ProblemHttpResult>> SaveAsync(
        string name, string applicationId, SaveReviewRequest request, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review,
        NewHireViews views, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        try
        {
            var hire = await review.SaveAsync(c.Id, applicationId, request?.Values ?? [], principal.Actor(), ct);
            return TypedResults.Ok(await views.DetailAsync(c, hire, principal.MaySeeCompensation(), ct));
        }
        catch (NewHireNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No such pending new hire");
        }
        catch (NewHireInvalidException ex)
        {
            return Invalid(ex);
        }
    }

    private static async Task<Results<Created<Member>, ProblemHttpResult>> AddMemberAsync(
        string name, string applicationId, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        try
        {
            var member = await review.AddMemberAsync(c.Id, applicationId, principal.Actor(), ct);
            return TypedResults.Created($"/api/members/{member.Id}", member);
        }
        catch (NewHireNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No such pending new hire");
        }
        catch (NewHireInvalidException ex)
        {
            return Invalid(ex);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, string applicationId, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        try
        {
            await review.DeleteAsync(c.Id, applicationId, principal.Actor(), ct);
            return TypedResults.NoContent();
        }
        catch (NewHireNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No such pending new hire");
        }
    }

    private static async Task<Results<Ok<MappingView>, ProblemHttpResult>> GetMappingAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, NewHireViews views, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        return TypedResults.Ok(await views.MappingAsync(c, ct));
    }

    private static async Task<Results<Ok<MappingView>, ProblemHttpResult>> SaveMappingAsync(
        string name, NewHireSettings settings, ClaimsPrincipal principal, ConnectionAccess access, NewHireImporter importer, NewHireViews views,
        Core.Access.AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        try
        {
            await importer.SaveSettingsAsync(c.Id, settings with { DisabledFields = settings.DisabledFields ?? [], CustomMappings = settings.CustomMappings ?? [], CompensationTypes = settings.CompensationTypes ?? [] }, null, ct);
        }
        catch (NewHireSettingsException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The mapping was not saved");
        }

        await audit.WriteAsync(principal.Actor(), "new-hire.mapping", c.Name, settings.ToJson(), ct);
        return TypedResults.Ok(await views.MappingAsync(c, ct));
    }

    private static ProblemHttpResult Invalid(NewHireInvalidException ex) =>
        TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Some values are missing or do not fit",
            extensions: new Dictionary<string, object?> { ["problems"] = ex.Problems });

    private static ProblemHttpResult NoHire(string applicationId) =>
        TypedResults.Problem($"No new hire for application {applicationId}: it was never hired, or has not been synced yet.", statusCode: StatusCodes.Status404NotFound, title: "No such new hire");

    private static ProblemHttpResult NotFound(string name) => ConnectionRefusals.NoSuchConnection(name);
}
