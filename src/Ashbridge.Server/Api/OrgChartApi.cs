using System.ComponentModel;
using System.Security.Claims;
using System.Text;
using Ashbridge.Core.OrgChart;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ashbridge.Server.Api;

/// <summary>
/// The org chart over HTTP: the chart (JSON or CSV, whole or one department), its people, the people import (CSV, all or
/// nothing, with a dry run), a person's manager, and where an open role sits ("Add manager").
/// </summary>
public static class OrgChartApi
{
    /// <summary>What <c>PUT /api/org-chart/people/{id}/manager</c> takes: the manager by e-mail or by id; neither (or a null body) for nobody.</summary>
    public sealed record ManagerChange(string? ManagerEmail = null, long? ManagerId = null);

    /// <summary>What <c>PUT …/open-roles/{postingId}/manager</c> takes: the person to place the role under, by e-mail or by id.</summary>
    public sealed record RolePlacementRequest(string? ManagerEmail = null, long? PersonId = null);

    public static IEndpointRouteBuilder MapOrgChartApi(this IEndpointRouteBuilder routes)
    {
        var chart = routes.MapGroup("/api/org-chart").WithTags("Org chart").RequireAuthorization(AccessPolicies.Read);
        chart.MapGet("", GetChartAsync).WithName("GetOrgChart")
            .WithSummary("The org chart: people and open roles as nodes with their parent's id and flags (removed, manager-removed, no-manager, filled-role), the whole hub or one department, as JSON or CSV");
        chart.MapGet("/people", ListPeopleAsync).WithName("ListOrgChartPeople").WithSummary("Every person of the chart (members, Ashby users, imported), removed ones too, by name");

        // People are the hub's, not a connection's: changing them is for admins with no token limit.
        var people = routes.MapGroup("/api/org-chart/people").WithTags("Org chart").RequireAuthorization(AccessPolicies.HubAdmin);
        // The body is described, not declared with Accepts: a declared content type is enforced by routing, before
        // authorization, so a stranger's JSON would learn 415 instead of 401/403.
        people.MapPost("/import", ImportAsync).AddOpenApiOperationTransformer(CsvBody).WithName("ImportOrgChartPeople")
            .WithSummary("Imports people from CSV (name, email, title, department, manager_email): all or nothing, a line per row; dryRun=true only reports; a bad file answers 400 with the report");
        people.MapPut("/{id:long}/manager", SetManagerAsync).WithName("SetOrgChartManager")
            .WithSummary("Sets a person's manager (managerEmail or managerId; neither for nobody); a change that makes a loop answers 409 naming it");
        people.MapDelete("/{id:long}", DeletePersonAsync).WithName("DeleteOrgChartPerson")
            .WithSummary("Deletes a person from the chart; their reports and roles stay under them, flagged manager-removed");

        var roles = routes.MapGroup("/api/connections/{name}/open-roles/{postingId}/manager").WithTags("Org chart").RequireAuthorization(AccessPolicies.Read);
        roles.MapGet("", GetPlacementAsync).WithName("GetOpenRolePlacement").WithSummary("Where an open role sits in the chart: placed or suggested (the job's hiring manager), and why");
        roles.MapPut("", PlaceAsync).RequireAuthorization(AccessPolicies.Operate).WithName("PlaceOpenRole")
            .WithSummary("\"Add manager\": places the open role under a person (managerEmail or personId); kept through later imports");
        roles.MapDelete("", ClearPlacementAsync).RequireAuthorization(AccessPolicies.Operate).WithName("ClearOpenRolePlacement")
            .WithSummary("Forgets the role's placement: it goes back under its suggested manager");
        return routes;
    }

    private static async Task<Results<Ok<OrgChartView>, EmptyHttpResult, ProblemHttpResult>> GetChartAsync(
        [Description("only this department's people and roles (with the managers above them, flagged outside-department)")] string? department,
        [Description("json (the default) or csv")] string? format,
        HttpContext http, ClaimsPrincipal principal, OrgChartBuilder builder, CancellationToken ct)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Unknown format '{format}': use json or csv.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown format");
        }

        var view = await builder.BuildAsync(department, ConnectionAccess.VisibleIds(principal), ct);
        if (!csv) return TypedResults.Ok(view);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"org-chart.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        await OrgChartExport.WriteCsvAsync(view, writer, ct);
        return TypedResults.Empty;
    }

    private static async Task<Ok<IReadOnlyList<OrgPerson>>> ListPeopleAsync(OrgChartPeople people, CancellationToken ct) => TypedResults.Ok(await people.ListAsync(ct));

    private static async Task<Results<Ok<PeopleImportReport>, ProblemHttpResult>> ImportAsync(
        [Description("only check the file and report; write nothing")] bool? dryRun, HttpRequest request, ClaimsPrincipal principal, PeopleCsvImport import, CancellationToken ct)
    {
        if (request.ContentType is { } type && !IsCsvType(type))
        {
            return TypedResults.Problem($"Send the CSV as text/csv, not {type}.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        string text;
        try
        {
            using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.Problem("The CSV is not UTF-8 text; save it as CSV UTF-8 and send it again.", statusCode: StatusCodes.Status400BadRequest, title: "The people were not imported");
        }

        var report = await import.ImportAsync(new StringReader(text), dryRun ?? false, principal.Actor(), ct);
        if (!report.HasErrors) return TypedResults.Ok(report);
        return TypedResults.Problem(report.Summary, statusCode: StatusCodes.Status400BadRequest, title: "The people were not imported",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["rows"] = report.Rows, ["errors"] = report.Errors });
    }

    private static Task CsvBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The people as CSV (UTF-8): a header row naming name, email, title, department and manager_email (case ignored; \"manager email\" too), then a row per person.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
        };
        return Task.CompletedTask;
    }

    private static bool IsCsvType(string type)
    {
        var media = type.Split(';')[0].Trim();
        return media.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || media.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/csv", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Results<Ok<OrgPerson>, ProblemHttpResult>> SetManagerAsync(long id, ManagerChange? change, ClaimsPrincipal principal, OrgChartPeople people, CancellationToken ct)
    {
        if (await people.FindAsync(id, ct) is null) return NoSuchPerson(id);
        long? managerId = change?.ManagerId;
        if (change?.ManagerEmail is { } email && !string.IsNullOrWhiteSpace(email))
        {
            if (await people.FindByEmailAsync(email, ct) is not { } manager) return BadRequest($"Nobody in the chart has the e-mail address {email.Trim()}.");
            if (managerId is { } given && given != manager.Id) return BadRequest("managerEmail and managerId name different people; give one of them.");
            managerId = manager.Id;
        }

        try
        {
            return TypedResults.Ok(await people.SetManagerAsync(id, managerId, principal.Actor(), ct));
        }
        catch (OrgChartCycleException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The manager was not changed",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["loop"] = ex.Loop });
        }
        catch (OrgChartNotFoundException ex)
        {
            return BadRequest(ex.Message);
        }
    }

    private static async Task<Results<Ok<OrgPerson>, ProblemHttpResult>> DeletePersonAsync(long id, ClaimsPrincipal principal, OrgChartPeople people, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await people.DeleteAsync(id, principal.Actor(), ct));
        }
        catch (OrgChartNotFoundException)
        {
            return NoSuchPerson(id);
        }
    }

    private static async Task<Results<Ok<RolePlacementView>, ProblemHttpResult>> GetPlacementAsync(
        string name, string postingId, ClaimsPrincipal principal, ConnectionAccess access, RolePlacements placements, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } connection) return NoSuchConnection(name);
        return await placements.FindAsync(connection.Id, postingId, ct) is { } view ? TypedResults.Ok(view) : NoSuchRole(name, postingId);
    }

    private static async Task<Results<Ok<RolePlacementView>, ProblemHttpResult>> PlaceAsync(
        string name, string postingId, RolePlacementRequest? request, ClaimsPrincipal principal, ConnectionAccess access, OrgChartPeople people, RolePlacements placements, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } connection) return NoSuchConnection(name);
        if (await placements.FindAsync(connection.Id, postingId, ct) is null) return NoSuchRole(name, postingId);
        long personId;
        if (request?.PersonId is { } id) personId = id;
        else if (request?.ManagerEmail is { } email && !string.IsNullOrWhiteSpace(email))
        {
            if (await people.FindByEmailAsync(email, ct) is not { } person) return BadRequest($"Nobody in the chart has the e-mail address {email.Trim()}.");
            personId = person.Id;
        }
        else
        {
            return BadRequest("Say whom to place the role under, e.g. {\"managerEmail\": \"lead@example.com\"} or {\"personId\": 12}.");
        }

        try
        {
            return TypedResults.Ok(await placements.PlaceAsync(connection.Id, postingId, personId, principal.Actor(), ct));
        }
        catch (OrgChartNotFoundException ex)
        {
            return BadRequest(ex.Message);
        }
    }

    private static async Task<Results<Ok<RolePlacementView>, ProblemHttpResult>> ClearPlacementAsync(
        string name, string postingId, ClaimsPrincipal principal, ConnectionAccess access, RolePlacements placements, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } connection) return NoSuchConnection(name);
        try
        {
            return TypedResults.Ok(await placements.ClearAsync(connection.Id, postingId, principal.Actor(), ct));
        }
        catch (OrgChartNotFoundException)
        {
            return NoSuchRole(name, postingId);
        }
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted");

    private static ProblemHttpResult NoSuchPerson(long id) => TypedResults.Problem($"There is no person {id} in the chart.", statusCode: StatusCodes.Status404NotFound, title: "No such person");

    private static ProblemHttpResult NoSuchConnection(string name) => TypedResults.Problem($"There is no connection named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "No such connection");

    private static ProblemHttpResult NoSuchRole(string name, string postingId) =>
        TypedResults.Problem($"Connection '{name}' has no open role for posting {postingId}.", statusCode: StatusCodes.Status404NotFound, title: "No such open role");
}
