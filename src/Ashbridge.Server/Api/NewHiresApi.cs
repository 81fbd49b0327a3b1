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
    /// <summary>A new hire with the field table the review form shows.</summary>
    /// <param name="Suggestions">Field → the value members already use that this one probably means.</param>
    public sealed record NewHireDetail(NewHire NewHire, IReadOnlyList<ReviewField> Fields, IReadOnlyDictionary<string, string> Suggestions);

    /// <summary>One row of the review form: the imported value beside the one that will be used.</summary>
    public sealed record ReviewField(string Key, string Label, bool Required, string? Imported, string? Value, bool Overridden);

    /// <summary>What <c>PUT …/new-hires/{applicationId}</c> takes: field → value (empty removes the override).</summary>
    public sealed record SaveReviewRequest(Dictionary<string, string?> Values);

    /// <summary>The mapping page's content.</summary>
    /// <param name="Fields">The default fields, each with whether it is on.</param>
    /// <param name="AshbyCustomFields">Ashby's custom field definitions a mapping can use.</param>
    public sealed record MappingView(NewHireSettings Settings, DateTimeOffset ImportFrom, IReadOnlyList<MappingField> Fields, IReadOnlyList<AshbyCustomField> AshbyCustomFields);

    public sealed record MappingField(string Key, string Label, string AshbyField, bool Required, bool Enabled);

    public sealed record AshbyCustomField(string Id, string Title, string ObjectType, string? FieldType);

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
        string name, string applicationId, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review, NewHireImporter importer, MemberDirectory members, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        if (await review.GetAsync(c.Id, applicationId, ct) is not { } hire) return NoHire(applicationId);
        return TypedResults.Ok(await DetailAsync(c, hire, principal.MaySeeCompensation(), importer, members, ct));
    }

    /// <summary>The review form's rows and the suggestions, as the page and the API show them.</summary>
    internal static async Task<NewHireDetail> DetailAsync(Connection connection, NewHire hire, bool admin, NewHireImporter importer, MemberDirectory members, CancellationToken ct)
    {
        var (settings, _) = await importer.GetSettingsAsync(connection.Id, ct);
        var shown = admin ? hire : hire.WithoutCompensation();
        var fields = NewHireReview.KnownKeys(settings)
            .Where(key => admin || !NewHireFields.IsAdminOnly(key))
            .Select(key => new ReviewField(key, Label(key), NewHireFields.Find(key)?.Required == true, shown.Imported.GetValueOrDefault(key), shown.Values.GetValueOrDefault(key), shown.Overrides.ContainsKey(key)))
            .ToList();
        var known = await members.KnownValuesAsync(ct);
        var suggestions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in new[] { (NewHireFields.JobTitle, known.JobTitles), (NewHireFields.Department, known.Departments), (NewHireFields.PlaceOfWork, known.PlacesOfWork) })
        {
            if (ValueMatcher.Suggest(shown.Values.GetValueOrDefault(key), values) is { } suggestion) suggestions[key] = suggestion;
        }

        return new NewHireDetail(shown, fields, suggestions);
    }

    /// <summary>A field's label: the default field's, or a custom field's or compensation type's own name.</summary>
    internal static string Label(string key) => NewHireFields.Find(key)?.Label ?? key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static async Task<Results<Ok<NewHireDetail>, ProblemHttpResult>> SaveAsync(
        string name, string applicationId, SaveReviewRequest request, ClaimsPrincipal principal, ConnectionAccess access, NewHireReview review,
        NewHireImporter importer, MemberDirectory members, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        try
        {
            var hire = await review.SaveAsync(c.Id, applicationId, request?.Values ?? [], principal.Actor(), ct);
            return TypedResults.Ok(await DetailAsync(c, hire, principal.MaySeeCompensation(), importer, members, ct));
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
        string name, ClaimsPrincipal principal, ConnectionAccess access, NewHireImporter importer, MirrorReader mirror, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        return TypedResults.Ok(await MappingAsync(c, importer, mirror, ct));
    }

    /// <summary>The mapping as the page and the API show it.</summary>
    internal static async Task<MappingView> MappingAsync(Connection connection, NewHireImporter importer, MirrorReader mirror, CancellationToken ct)
    {
        var (settings, from) = await importer.GetSettingsAsync(connection.Id, ct);
        var custom = (await mirror.NewHireCustomFieldsAsync(connection.Id, ct)).Select(f => new AshbyCustomField(f.Id, f.Title, f.ObjectType, f.FieldType));
        var fields = NewHireFields.All
            .Where(f => f.Key is not (NewHireFields.SalaryCurrency or NewHireFields.SalaryPeriod))
            .Select(f => new MappingField(f.Key, f.Key == NewHireFields.SalaryAmount ? "Salary (amount, currency, period)" : f.Label, f.AshbyField, f.Required, settings.IsEnabled(f.Key)))
            .ToList();
        return new MappingView(settings, from, fields, [.. custom]);
    }

    private static async Task<Results<Ok<MappingView>, ProblemHttpResult>> SaveMappingAsync(
        string name, NewHireSettings settings, ClaimsPrincipal principal, ConnectionAccess access, NewHireImporter importer, MirrorReader mirror,
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
        return TypedResults.Ok(await MappingAsync(c, importer, mirror, ct));
    }

    private static ProblemHttpResult Invalid(NewHireInvalidException ex) =>
        TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Some values are missing or do not fit",
            extensions: new Dictionary<string, object?> { ["problems"] = ex.Problems });

    private static ProblemHttpResult NoHire(string applicationId) =>
        TypedResults.Problem($"No new hire for application {applicationId}: it was never hired, or has not been synced yet.", statusCode: StatusCodes.Status404NotFound, title: "No such new hire");

    private static ProblemHttpResult NotFound(string name) => ConnectionRefusals.NoSuchConnection(name);
}
