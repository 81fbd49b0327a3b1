using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Outbound;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The outbound endpoint that members are delivered to, and its delivery log (hub admins only): set the endpoint (the
/// signing secret shown once, when created or rotated), read the log by state, send a failed delivery again, and send
/// the members added before the endpoint existed.
/// </summary>
public static class OutboundApi
{
    /// <summary>What <c>PUT /api/outbound</c> takes.</summary>
    public sealed record OutboundRequest(string Url, bool Enabled = true, bool RotateSecret = false);

    /// <summary>The endpoint; <paramref name="Secret"/> only in the answer that created or rotated it.</summary>
    public sealed record OutboundView(OutboundEndpoint? Endpoint, string? Secret, IReadOnlyList<OutboundDelivery> Deliveries, OutboundCounts Counts);

    /// <summary>How many members were queued by a bulk send.</summary>
    public sealed record QueuedMembers(int Queued);

    public static IEndpointRouteBuilder MapOutboundApi(this IEndpointRouteBuilder routes)
    {
        var outbound = routes.MapGroup("/api/outbound").WithTags("Outbound").RequireAuthorization(AccessPolicies.HubAdmin);
        outbound.MapGet("", GetAsync).WithName("GetOutbound").WithSummary("Where members are sent, how many deliveries are in each state, and the latest deliveries");
        outbound.MapPut("", SetAsync).WithName("SetOutbound").WithSummary("Sets the endpoint; the signing secret is shown once, when created or rotated");
        outbound.MapGet("/deliveries", DeliveriesAsync).WithName("ListOutboundDeliveries").WithSummary("The delivery log, newest first, of one state (pending, delivered, failed) or all, paged");
        outbound.MapPost("/deliveries/{id:long}/retry", RetryAsync).WithName("RetryOutboundDelivery").WithSummary("Sends a failed delivery again");
        outbound.MapPost("/undelivered/send", SendUndeliveredAsync).WithName("SendUndeliveredMembers")
            .WithSummary("Queues member.added for every active member never sent (added before the endpoint existed or while it was off)");
        return routes;
    }

    private static async Task<Ok<OutboundView>> GetAsync(OutboundDeliveries outbound, CancellationToken ct) =>
        TypedResults.Ok(new OutboundView(await outbound.GetEndpointAsync(ct), null, await outbound.ListAsync(100, ct), await outbound.CountsAsync(ct)));

    private static async Task<Results<Ok<OutboundView>, ProblemHttpResult>> SetAsync(
        OutboundRequest request, ClaimsPrincipal principal, OutboundDeliveries outbound, AuditLog audit, CancellationToken ct)
    {
        string? secret;
        try
        {
            secret = await outbound.SetEndpointAsync(request?.Url ?? "", request?.Enabled ?? true, request?.RotateSecret ?? false, ct);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The endpoint was not saved");
        }

        await audit.WriteAsync(principal.Actor(), "outbound.set", request!.Url, secret is null ? null : "new signing secret", ct);
        return TypedResults.Ok(new OutboundView(await outbound.GetEndpointAsync(ct), secret, await outbound.ListAsync(100, ct), await outbound.CountsAsync(ct)));
    }

    private static async Task<Results<Ok<OutboundDeliveryPage>, ProblemHttpResult>> DeliveriesAsync(string? state, int? page, int? pageSize, OutboundDeliveries outbound, CancellationToken ct)
    {
        OutboundDeliveryState? parsed = null;
        if (state is { Length: > 0 } && !string.Equals(state, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!MembersApi.TryName<OutboundDeliveryState>(state, out var s))
            {
                return TypedResults.Problem($"Unknown state '{state}': use pending, delivered, failed or all.", statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted");
            }

            parsed = s;
        }

        if (pageSize is < 1 or > 500) return TypedResults.Problem("pageSize must be between 1 and 500.", statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted");
        return TypedResults.Ok(await outbound.LogAsync(parsed, Math.Max(1, page ?? 1), pageSize ?? 50, ct));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(long id, ClaimsPrincipal principal, OutboundDeliveries outbound, AuditLog audit, CancellationToken ct)
    {
        if (!await outbound.RetryAsync(id, ct)) return TypedResults.Problem($"There is no failed delivery {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such failed delivery");
        await audit.WriteAsync(principal.Actor(), "outbound.retry", $"delivery {id}", null, ct);
        return TypedResults.Accepted("/api/outbound");
    }

    private static async Task<Results<Ok<QueuedMembers>, ProblemHttpResult>> SendUndeliveredAsync(ClaimsPrincipal principal, OutboundDeliveries outbound, CancellationToken ct)
    {
        if (await outbound.GetEndpointAsync(ct) is not { Enabled: true })
        {
            return TypedResults.Problem("No outbound endpoint is set and switched on; set one first (PUT /api/outbound).", statusCode: StatusCodes.Status409Conflict, title: "Nowhere to send");
        }

        return TypedResults.Ok(new QueuedMembers(await outbound.SendUndeliveredAsync(principal.Actor(), ct)));
    }
}
