using System.ComponentModel;
using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// A connection's open roles over JSON: the list (roles of confidential jobs only when the connection's policy includes
/// them), one role, "Import now", the history of imports, and the policy. Open roles carry no compensation.
/// </summary>
public static class OpenRolesApi
{
    /// <summary>A connection's policy for open roles as the API shows and takes it.</summary>
    /// <param name="StaleAfterMinutes">Alert when the last good import is older than this many minutes; null for never.</param>
    public sealed record OpenRoleSettingsView(bool IncludeConfidential, bool PublicFeed, int? StaleAfterMinutes, IReadOnlyList<string> NotifyEmails)
    {
        public static OpenRoleSettingsView Of(OpenRoleSettings settings) => new(
            settings.IncludeConfidential, settings.PublicFeed, settings.StaleAfter is { } after ? (int)Math.Ceiling(after.TotalMinutes) : null, settings.NotifyEmails);
    }

    /// <summary>What <c>PUT …/open-roles/settings</c> takes; a field left out keeps its default (off, never, nobody).</summary>
    public sealed record SaveOpenRoleSettingsRequest(bool? IncludeConfidential, bool? PublicFeed, int? StaleAfterMinutes, IReadOnlyList<string>? NotifyEmails);

    public static IEndpointRouteBuilder MapOpenRolesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/connections/{name}/open-roles").WithTags("Open roles").RequireAuthorization(AccessPolicies.Read);
        api.MapGet("", ListAsync).WithName("ListOpenRoles").WithSummary("The connection's open roles by title (closed ones too with includeClosed=true); confidential jobs' only when the policy includes them");
        api.MapGet("/imports", ListImportsAsync).WithName("ListOpenRoleImports").WithSummary("The connection's imports of open roles, newest first, with their counts or why they failed");
        api.MapPost("/import", ImportAsync).RequireAuthorization(AccessPolicies.Operate).WithName("ImportOpenRoles")
            .WithSummary("Import now: a pass of the connection's jobs, postings and openings, then a rebuild of its open roles; answers the recorded import with its counts");
        api.MapGet("/settings", GetSettingsAsync).WithName("GetOpenRoleSettings").WithSummary("The connection's policy: confidential jobs, the public careers feed, the staleness alert and who is e-mailed");
        api.MapPut("/settings", SaveSettingsAsync).RequireAuthorization(AccessPolicies.Operate).WithName("SaveOpenRoleSettings")
            .WithSummary("Saves the policy; a change to confidential jobs rebuilds the open roles at once");
        api.MapGet("/{postingId}", GetAsync).WithName("GetOpenRole").WithSummary("One role by its posting's id, open or closed");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<OpenRole>>, ProblemHttpResult>> ListAsync(
        string name, [Description("true to list closed roles too (unpublished, deleted, or hidden by the policy)")] bool? includeClosed,
        ClaimsPrincipal principal, ConnectionAccess access, OpenRoleCatalog catalog, OpenRolePolicy policy, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var settings = await policy.GetAsync(c.Id, ct);
        var roles = await catalog.ListAsync(c.Id, includeClosed: includeClosed ?? false, cancellationToken: ct);
        return TypedResults.Ok<IReadOnlyList<OpenRole>>(settings.IncludeConfidential ? roles : [.. roles.Where(r => !r.IsConfidential)]);
    }

    private static async Task<Results<Ok<OpenRole>, ProblemHttpResult>> GetAsync(
        string name, string postingId, ClaimsPrincipal principal, ConnectionAccess access, OpenRoleCatalog catalog, OpenRolePolicy policy, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var role = await catalog.FindAsync(c.Id, postingId, ct);
        if (role is null || role.IsConfidential && !(await policy.GetAsync(c.Id, ct)).IncludeConfidential)
        {
            return TypedResults.Problem($"Connection '{c.Name}' has no open role for posting {postingId}: it was never published, or has not been imported yet.",
                statusCode: StatusCodes.Status404NotFound, title: "No such open role");
        }

        return TypedResults.Ok(role);
    }

    private static async Task<Results<Ok<OpenRoleImportResult>, ProblemHttpResult>> ImportAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, OpenRoleImports imports, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var result = await imports.ImportNowAsync(c.Id, OpenRoleImporter.ManualTrigger, ct);
        await audit.WriteAsync(principal.Actor(), "open-roles.import", c.Name,
            result.Succeeded ? $"{result.New} new, {result.Changed} changed, {result.Closed} closed" : $"failed: {result.Error}", ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<OpenRoleImportResult>>, ProblemHttpResult>> ListImportsAsync(
        string name, [Description("how many, 1 to 500 (50 by default)")] int? limit, ClaimsPrincipal principal, ConnectionAccess access, OpenRoleImports imports, CancellationToken ct)
    {
        if (limit is < 1 or > 500) return TypedResults.Problem("limit is from 1 to 500.", statusCode: StatusCodes.Status400BadRequest, title: "The list cannot be read that way");
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await imports.ListAsync(c.Id, limit ?? 50, ct));
    }

    private static async Task<Results<Ok<OpenRoleSettingsView>, ProblemHttpResult>> GetSettingsAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, OpenRolePolicy policy, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(OpenRoleSettingsView.Of(await policy.GetAsync(c.Id, ct)));
    }

    private static async Task<Results<Ok<OpenRoleSettingsView>, ProblemHttpResult>> SaveSettingsAsync(
        string name, SaveOpenRoleSettingsRequest? request, ClaimsPrincipal principal, ConnectionAccess access, OpenRolePolicy policy, OpenRoleImporter importer,
        AuditLog audit, CancellationToken ct)
    {
        if (request is null) return NotSaved("The body must be JSON like {\"includeConfidential\":false,\"publicFeed\":false,\"staleAfterMinutes\":720,\"notifyEmails\":[\"hr@example.com\"]}.");
        if (request.StaleAfterMinutes is < 1 or > 525_600) return NotSaved("staleAfterMinutes is from 1 to 525600 (a year), or null for never.");
        if (request.NotifyEmails is { Count: > 50 }) return NotSaved("notifyEmails takes at most 50 addresses.");
        if (request.NotifyEmails?.Any(string.IsNullOrWhiteSpace) == true) return NotSaved("notifyEmails must not contain an empty address.");
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);

        var before = await policy.GetAsync(c.Id, ct);
        var settings = new OpenRoleSettings(
            request.IncludeConfidential ?? false, request.PublicFeed ?? false,
            request.StaleAfterMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            [.. (request.NotifyEmails ?? []).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)]);
        try
        {
            await policy.SaveAsync(c.Id, settings, principal.Actor(), ct);
        }
        catch (ArgumentException ex)
        {
            return NotSaved(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }

        var view = OpenRoleSettingsView.Of(settings);
        await audit.WriteAsync(principal.Actor(), "open-roles.settings", c.Name,
            $"confidential {(view.IncludeConfidential ? "included" : "left out")}, public feed {(view.PublicFeed ? "on" : "off")}, stale after {view.StaleAfterMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never"} min, {view.NotifyEmails.Count} address(es)", ct);
        // Confidential jobs in or out: the roles follow now, not at the next pass (the import is recorded as manual).
        if (before.IncludeConfidential != settings.IncludeConfidential) await importer.ImportAsync(c.Id, OpenRoleImporter.ManualTrigger, ct);
        return TypedResults.Ok(view);
    }

    private static ProblemHttpResult NotSaved(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The open-roles settings were not saved");
}
