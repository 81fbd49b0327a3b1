using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Ashbridge.Server.Access;
using Ashbridge.Server.Hosting;

namespace Ashbridge.Server.Api;

/// <summary>The connection's status as JSON at <c>/api/status</c>; people read it on the home page (<c>Pages/Index.cshtml</c>).</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.ServiceProvider.GetService<ActiveConnection>() is null)
        {
            throw new InvalidOperationException("MapStatusApi needs the hub's services: call builder.AddAshbridgeConnection() first.");
        }

        routes.MapGet("/api/status", async (System.Security.Claims.ClaimsPrincipal principal, ActiveConnection connection, ConnectionAccess access, MirrorOverview mirror, CancellationToken ct) =>
                TypedResults.Ok(ToStatus(connection, await mirror.StatusAsync(await access.VisibleAsync(principal, ct), ct))))
            .RequireAuthorization(AccessPolicies.Read).WithName("GetStatus").WithSummary("The Ashby connection and what its key can do").WithTags("Status");
        return routes;
    }

    public sealed record ConnectionStatus(
        bool Demo, Uri? BaseUrl, string? KeyTitle, string? Problem, IReadOnlyList<FeatureState> Features, IReadOnlyList<MirrorStatus> Mirror);

    /// <summary>One feature: <c>ready</c> says the key allows it; <c>availability</c> says what it is (on, blocked by a missing permission, not built yet).</summary>
    public sealed record FeatureState(string Name, bool Ready, IReadOnlyList<string> Missing, FeatureAvailability Availability, string Summary);

    private static ConnectionStatus ToStatus(ActiveConnection connection, IReadOnlyList<MirrorStatus> mirror) => new(
        connection.IsDemo,
        connection.BaseUrl,
        connection.Report?.KeyTitle,
        connection.Problem,
        connection.Report?.Features.Select(f => new FeatureState(f.Feature.Name, f.IsReady, f.Missing.Select(p => p.Permission).ToList(), f.Availability, f.Summary)).ToList() ?? [],
        mirror);
}
