using System.Security.Claims;
using Ashbridge.Core.Overview;
using Ashbridge.Server.Access;
using Ashbridge.Server.Hosting;

namespace Ashbridge.Server.Api;

/// <summary>
/// <c>GET /api/overview</c>: what the home page shows, as JSON: per connection the caller may see, its last pass, data
/// age, webhooks, dead letters and new hires waiting; the hub's outbound endpoint; and the next steps of a new install.
/// </summary>
public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.ServiceProvider.GetService<HubOverview>() is null)
        {
            throw new InvalidOperationException("MapOverviewApi needs the hub's services: call builder.AddAshbridgeConnection() and the hub's outbound services first.");
        }

        routes.MapGet("/api/overview", async (ClaimsPrincipal principal, ActiveConnection active, ConnectionAccess access, HubOverview overview, CancellationToken ct) =>
                TypedResults.Ok(await ReadAsync(principal, active, access, overview, ct)))
            .RequireAuthorization(AccessPolicies.Read).WithName("GetOverview")
            .WithSummary("Each connection's health at a glance (last pass, data age, webhooks, dead letters, new hires waiting), outbound failures and next steps")
            .WithTags("Status");
        return routes;
    }

    /// <summary>The overview for <paramref name="principal"/>: only the connections it may see; the home page reads the same.</summary>
    public static async Task<HubOverviewReport> ReadAsync(
        ClaimsPrincipal principal, ActiveConnection active, ConnectionAccess access, HubOverview overview, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(overview);
        return await overview.ReadAsync(
            await access.VisibleAsync(principal, ct), active.IsDemo ? ConnectionScheduling.DemoName : null, principal.MaySeeCompensation(), ct);
    }
}
