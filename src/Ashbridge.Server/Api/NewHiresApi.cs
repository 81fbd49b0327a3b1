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
    /// <summary>What <c>PUT …/new-hires/{applicationId}</c> takes: field → value (empty removes the override).</summary>
    public sealed record SaveReviewRequest(Dictionary<string, string?> Values);

    public static IEndpointRouteBuilder MapNewHiresApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/connections/{name}/new-hires").WithTags("New hires").RequireAuthorization(AccessPolicies.Read);
        api.MapGet("", ListAsync).WithName("ListNewHires").WithSummary("The connection's new hires in a state (pending by default), newest first");
        api.MapGet("/mapping", GetMappingAsync).WithName("GetNewHireMapping").WithSummary("The field mapping: default fields on or off, custom mappings, compensation types");
        api.MapPut("/mapping", SaveMappingAsync).RequireAuthorization(AccessPolicies.Operate).WithName("SaveNewHireMapping").WithSummary("Saves the mapping and re-maps every pending new hire");
        api.MapGet("/{applicationId}", GetAsync).WithName("GetNewHire").WithSummary("A new hire with its review form and suggestions");
        api.MapPut("/{applicationId}", SaveAsync).RequireAuthorization(AccessPolicies.Operate).WithName("ReviewNewHire").WithSummary("Saves the reviewer's values and marks the changes seen");
        api.MapPost("/{applicationId}/member", AddMemberAsync).RequireAuthorization(AccessPolicies.Operate).WithName("AddNewHireAsMember").WithSummary("Adds the new hire to the people directory and sends it outward");
        api.MapDelete("/{applicationId}", DeleteAsync).RequireAuthorization(AccessPolicies.Operate).WithName("DeleteNewHire").WithSummary("Deletes the new hire; it does not come back unless Ashby re-hires");
        return routes;
    }

    // The state is read here, not bound as the enum: the binder matches enum names case-sensitively, so the documented
    // "pending" was refused and only "Pending" worked.
    private static async Task<Results<Ok<IReadOnlyList<NewHire>>, ProblemHttpResult>> ListAsync(
        string name, [Description("pending (the default), added or deleted")] string? state, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, CancellationToken ct)
    {
        var wanted = state is null ? NewHireState.Pending
            : Enum.GetValues<NewHireState>().Cast<NewHireState?>().FirstOrDefault(s => string.Equals(s.ToString(), state, StringComparison.OrdinalIgnoreCase));
        if (wanted is null)
        {
            return TypedResults.Problem($"'{state}' is not a state; use pending, added or deleted.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown new-hire state");
        }

        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        var list = await review.ListAsync(c.Id, wanted.Value, ct);
        return TypedResults.Ok<IReadOnlyList<NewHire>>(principal.MaySeeCompensation() ? list : [.. list.Select(h => h.WithoutCompensation())]);
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
