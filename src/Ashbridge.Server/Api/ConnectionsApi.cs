using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// Connections over JSON: list, add (with the pre-flight), detail, check again, sync now, run history, remove. The API
/// key goes in once, on add, and never comes back out.
/// </summary>
public static class ConnectionsApi
{
    /// <summary>What <c>POST /api/connections</c> takes.</summary>
    /// <param name="Name">A short unique name (lowercase letters, digits, dashes).</param>
    /// <param name="ApiKey">The Ashby API key.</param>
    /// <param name="BaseUrl">The Ashby API's base URL; Ashby's own when absent.</param>
    public sealed record AddConnectionRequest(string Name, string ApiKey, Uri? BaseUrl);

    /// <summary>What <c>POST /api/connections/{name}/sync</c> takes: <c>incremental</c> (the default) or <c>full</c>.</summary>
    public sealed record SyncNowRequest(SyncMode Mode = SyncMode.Incremental);

    /// <summary>A connection just added, with the pre-flight its key passed.</summary>
    public sealed record AddedConnection(Connection Connection, PreflightReport Preflight);

    public static IEndpointRouteBuilder MapConnectionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/connections").WithTags("Connections").RequireAuthorization(AccessPolicies.Read);
        api.MapGet("", ListAsync).WithName("ListConnections").WithSummary("Every connection with its last pass");
        api.MapPost("", AddAsync).RequireAuthorization(AccessPolicies.HubAdmin).WithName("AddConnection").WithSummary("Checks the key (pre-flight), then stores and schedules the connection");
        api.MapGet("/{name}", GetAsync).WithName("GetConnection").WithSummary("A connection's pre-flight, streams and recent passes");
        api.MapPost("/{name}/preflight", CheckAsync).RequireAuthorization(AccessPolicies.Operate).WithName("CheckConnection").WithSummary("Runs the pre-flight of the stored key again");
        api.MapPost("/{name}/sync", SyncNowAsync).RequireAuthorization(AccessPolicies.Operate).WithName("SyncConnectionNow").WithSummary("Queues a pass behind any running one");
        api.MapGet("/{name}/runs", RunsAsync).WithName("ListConnectionRuns").WithSummary("The connection's passes, newest first, with counts per stream");
        api.MapDelete("/{name}", RemoveAsync).RequireAuthorization(AccessPolicies.HubAdmin).WithName("RemoveConnection").WithSummary("Unschedules and removes the connection with its mirror");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<ConnectionSummary>>> ListAsync(ClaimsPrincipal principal, ConnectionAccess access, ConnectionAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.SummariesAsync(await access.VisibleAsync(principal, ct), ct));

    private static async Task<Results<Created<AddedConnection>, ProblemHttpResult>> AddAsync(
        AddConnectionRequest request, ClaimsPrincipal principal, ConnectionAdministration admin, AuditLog audit, CancellationToken ct)
    {
        var added = await admin.AddAsync(request.Name ?? "", request.BaseUrl, request.ApiKey ?? "", ct);
        if (!added.Succeeded) return ConnectionRefusals.Problem(added.Refusal);
        await audit.WriteAsync(principal.Actor(), "connection.add", added.Connection.Name, added.Connection.BaseUrl.ToString(), ct);
        return TypedResults.Created($"/api/connections/{added.Connection.Name}", new AddedConnection(added.Connection, added.Preflight));
    }

    private static async Task<Results<Ok<ConnectionDetail>, ProblemHttpResult>> GetAsync(string name, ClaimsPrincipal principal, ConnectionAccess access, ConnectionAdministration admin, CancellationToken ct) =>
        await access.FindVisibleAsync(principal, name, ct) is { } c ? TypedResults.Ok(await admin.DetailAsync(c, 10, ct)) : NotFound(name);

    private static async Task<Results<Ok<PreflightReport>, ProblemHttpResult>> CheckAsync(string name, ClaimsPrincipal principal, ConnectionAccess access, ConnectionAdministration admin, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        var checkedAgain = await admin.CheckAsync(c, ct);
        return checkedAgain.Succeeded ? TypedResults.Ok(checkedAgain.Preflight) : ConnectionRefusals.Problem(checkedAgain.Refusal);
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> SyncNowAsync(string name, ClaimsPrincipal principal, SyncNowRequest? request, ConnectionAccess access, ConnectionAdministration admin, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        await admin.SyncNowAsync(c, request?.Mode ?? SyncMode.Incremental, ct);
        return TypedResults.Accepted($"/api/connections/{c.Name}/runs");
    }

    private static async Task<Results<Ok<IReadOnlyList<SyncRunResult>>, ProblemHttpResult>> RunsAsync(
        string name, int? limit, ClaimsPrincipal principal, ConnectionAccess access, SyncHistory history, CancellationToken ct) =>
        await access.FindVisibleAsync(principal, name, ct) is { } c
            ? TypedResults.Ok(await history.ListRunsAsync(c.Id, Math.Clamp(limit ?? 20, 1, 200), ct))
            : NotFound(name);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string name, ClaimsPrincipal principal, ConnectionAccess access, ConnectionAdministration admin, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        await admin.RemoveAsync(c, ct);
        await audit.WriteAsync(principal.Actor(), "connection.remove", c.Name, null, ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string name) => ConnectionRefusals.NoSuchConnection(name);
}
