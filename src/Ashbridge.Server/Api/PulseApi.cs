using System.Security.Claims;
using Ashbridge.Core.Overview;
using Ashbridge.Server.Access;

namespace Ashbridge.Server.Api;

/// <summary>
/// <c>GET /api/pulse</c>: the navigation's counts and a version that changes when anything drawn live changes. Every
/// page polls it (<c>wwwroot/js/ui.js</c>) and redraws its live parts only when the version moves.
/// </summary>
public static class PulseApi
{
    public static IEndpointRouteBuilder MapPulseApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/api/pulse", async (ClaimsPrincipal principal, ConnectionAccess access, HubPulse pulse, HttpResponse response, CancellationToken ct) =>
            {
                response.Headers.CacheControl = "no-store";
                var visible = await access.VisibleAsync(principal, ct);
                return TypedResults.Ok(await pulse.ReadAsync([.. visible.Select(c => c.Id)], ct));
            })
            .RequireAuthorization(AccessPolicies.Read).WithName("GetPulse")
            .WithSummary("Counts for the navigation, and a version that changes whenever a live page would redraw").WithTags("Status");
        return routes;
    }
}
