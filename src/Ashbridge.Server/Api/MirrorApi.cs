using Ashbridge.Server.Access;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Dapper;
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
        string name, string stream, string id, ClaimsPrincipal principal, ConnectionStore connections, AshbridgeDatabase database, CancellationToken ct)
    {
        if (await ConnectionsApi.FindVisibleAsync(principal, connections, name, ct) is not { } c)
        {
            return TypedResults.Problem($"There is no connection named '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (MirrorStreams.Find(stream) is not { } definition)
        {
            return TypedResults.Problem($"There is no stream '{stream}'. Streams: {string.Join(", ", MirrorStreams.All.Select(s => s.Name))}.", statusCode: StatusCodes.Status404NotFound);
        }

        await using var connection = await database.ConnectAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(string Json, long? UpdatedMs, long SeenMs, long? DeletedMs, string? MergedInto)>(new CommandDefinition(
            $"SELECT raw_json, ashby_updated_ms, last_seen_ms, deleted_ms, merged_into_id FROM {definition.Table} WHERE connection_id = @connection AND id = @id",
            new { connection = c.Id, id }, cancellationToken: ct));
        if (row.Json is null) return TypedResults.Problem($"No {definition.Name} row with id {id} in the mirror of '{name}'.", statusCode: StatusCodes.Status404NotFound);
        // Compensation is filtered here, on the way out, for everyone not allowed it; the mirror keeps Ashby's whole answer.
        var ashby = principal.MaySeeCompensation()
            ? JsonSerializer.Deserialize<JsonElement>(row.Json)
            : JsonSerializer.SerializeToElement(CompensationFilter.Redact(definition.Name, JsonNode.Parse(row.Json)));
        return TypedResults.Ok(new MirrorObject(definition.Name, id, ashby,
            row.UpdatedMs is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null, DateTimeOffset.FromUnixTimeMilliseconds(row.SeenMs),
            row.DeletedMs is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null, row.MergedInto));
    }
}
