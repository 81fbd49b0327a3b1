using System.Globalization;
using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.Outbound;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The people directory over JSON (list, search, read, export as CSV or JSON) and the outbound endpoint that added
/// members are delivered to (admins only). Salary and compensation are shown to admins only.
/// </summary>
public static class MembersApi
{
    /// <summary>What <c>PUT /api/outbound</c> takes.</summary>
    public sealed record OutboundRequest(string Url, bool Enabled = true, bool RotateSecret = false);

    /// <summary>The endpoint; <paramref name="Secret"/> only in the answer that created or rotated it.</summary>
    public sealed record OutboundView(OutboundEndpoint? Endpoint, string? Secret, IReadOnlyList<OutboundDelivery> Deliveries);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup("/api/members").WithTags("Members").RequireAuthorization(AccessPolicies.Read);
        members.MapGet("", ListAsync).WithName("ListMembers").WithSummary("Members, searched by name, email, job title or department");
        members.MapGet("/export", ExportAsync).WithName("ExportMembers").WithSummary("Every visible member as CSV (format=csv, the default) or JSON (format=json)");
        members.MapGet("/{id:long}", GetAsync).WithName("GetMember").WithSummary("One member");

        var outbound = routes.MapGroup("/api/outbound").WithTags("Outbound").RequireAuthorization(AccessPolicies.HubAdmin);
        outbound.MapGet("", GetOutboundAsync).WithName("GetOutbound").WithSummary("Where added members are sent, and the latest deliveries");
        outbound.MapPut("", SetOutboundAsync).WithName("SetOutbound").WithSummary("Sets the endpoint; the signing secret is shown once, when created or rotated");
        outbound.MapPost("/deliveries/{id:long}/retry", RetryAsync).WithName("RetryOutboundDelivery").WithSummary("Sends a failed delivery again");
        return routes;
    }

    /// <summary>The connections whose members this caller sees: all, or the one a token is limited to.</summary>
    private static async Task<Ok<IReadOnlyList<Member>>> ListAsync(string? q, ClaimsPrincipal principal, MemberDirectory directory, CancellationToken ct)
    {
        var list = await directory.ListAsync(q, ConnectionAccess.VisibleIds(principal), 500, ct);
        return TypedResults.Ok<IReadOnlyList<Member>>(principal.MaySeeCompensation() ? list : [.. list.Select(m => m.WithoutCompensation())]);
    }

    private static async Task<Results<Ok<Member>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal principal, MemberDirectory directory, CancellationToken ct)
    {
        var member = await directory.GetAsync(id, ct);
        if (member is null || (ConnectionAccess.VisibleIds(principal) is { } visible && !visible.Contains(member.ConnectionId ?? -1)))
        {
            return TypedResults.Problem($"There is no member {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such member");
        }

        return TypedResults.Ok(principal.MaySeeCompensation() ? member : member.WithoutCompensation());
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        string? format, HttpContext http, ClaimsPrincipal principal, MemberDirectory directory, AuditLog audit, CancellationToken ct)
    {
        var csv = format is null || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Unknown format '{format}': use csv or json.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown export format");
        }

        var list = await directory.ListAsync(null, ConnectionAccess.VisibleIds(principal), int.MaxValue, ct);
        if (!principal.MaySeeCompensation()) list = [.. list.Select(m => m.WithoutCompensation())];
        await audit.WriteAsync(principal.Actor(), "members.export", csv ? "csv" : "json", $"{list.Count} members", ct);
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"members.{(csv ? "csv" : "json")}\"";
        if (csv)
        {
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
            await MemberExport.WriteCsvAsync(list, writer, ct);
        }
        else
        {
            await MemberExport.WriteJsonAsync(list, http.Response.Body, ct);
        }

        return TypedResults.Empty;
    }

    private static async Task<Ok<OutboundView>> GetOutboundAsync(OutboundDeliveries outbound, CancellationToken ct) =>
        TypedResults.Ok(new OutboundView(await outbound.GetEndpointAsync(ct), null, await outbound.ListAsync(100, ct)));

    private static async Task<Results<Ok<OutboundView>, ProblemHttpResult>> SetOutboundAsync(
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
        return TypedResults.Ok(new OutboundView(await outbound.GetEndpointAsync(ct), secret, await outbound.ListAsync(100, ct)));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(long id, ClaimsPrincipal principal, OutboundDeliveries outbound, AuditLog audit, CancellationToken ct)
    {
        if (!await outbound.RetryAsync(id, ct)) return TypedResults.Problem($"There is no failed delivery {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such failed delivery");
        await audit.WriteAsync(principal.Actor(), "outbound.retry", $"delivery {id}", null, ct);
        return TypedResults.Accepted("/api/outbound");
    }
}
