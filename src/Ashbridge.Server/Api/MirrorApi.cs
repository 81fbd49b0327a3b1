using Ashbridge.Server.Access;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>One mirrored object as the hub holds it: Ashby's JSON as sent, with when it was seen and whether it is gone.</summary>
public static class MirrorApi
{
    public sealed record MirrorObject(
        string Stream, string Id, JsonElement Ashby, DateTimeOffset? UpdatedAt, DateTimeOffset LastSeenAt, DateTimeOffset? DeletedAt, string? MergedIntoId);

    public static IEndpointRouteBuilder MapMirrorApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/connections/{name}/mirror/{stream}/{id}", GetAsync)
            .RequireAuthorization(AccessPolicies.Read).WithName("GetMirrorObject").WithTags("Mirror").WithSummary("One object of a stream (candidates, applications, jobs, …) as mirrored");
        return routes;
    }

    private static async Task<Results<Ok<MirrorObject>, ProblemHttpResult>> GetAsync(
        string name, string stream, string id, ClaimsPrincipal principal, ConnectionAccess access, MirrorReader mirror, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c)
        {
            return TypedResults.Problem($"There is no connection named '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (MirrorStreams.Find(stream) is not { } definition)
        {
            return TypedResults.Problem($"There is no stream '{stream}'. Streams: {string.Join(", ", MirrorStreams.All.Select(s => s.Name))}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await mirror.GetAsync(c.Id, definition, id, ct) is not { } row)
        {
            return TypedResults.Problem($"No {definition.Name} row with id {id} in the mirror of '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        // Compensation is filtered here, on the way out, for everyone not allowed it; the mirror keeps Ashby's whole answer.
        var ashby = principal.MaySeeCompensation()
            ? JsonSerializer.Deserialize<JsonElement>(row.Json)
            : JsonSerializer.SerializeToElement(CompensationFilter.Redact(definition.Name, JsonNode.Parse(row.Json)));
        return TypedResults.Ok(new MirrorObject(definition.Name, id, ashby, row.UpdatedAt, row.LastSeenAt, row.DeletedAt, row.MergedIntoId));
    }
}
