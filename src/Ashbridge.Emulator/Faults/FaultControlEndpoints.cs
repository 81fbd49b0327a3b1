using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Emulator.Faults;

/// <summary><c>GET</c>, <c>PUT</c> and <c>POST /_emulator/faults</c>: read and switch the fault profile at runtime.</summary>
internal static class FaultControlEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, FaultInjector faults)
    {
        var group = endpoints.MapGroup("/_emulator/faults").WithTags("Emulator control");
        group.MapGet("", () => Json(Describe(faults))).WithName("GetEmulatorFaults");
        group.MapMethods("", [HttpMethods.Put, HttpMethods.Post], (HttpRequest request) => SetAsync(request, faults)).WithName("SetEmulatorFaults");
    }

    private static async Task<ContentHttpResult> SetAsync(HttpRequest request, FaultInjector faults)
    {
        string? text;
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            text = body?["profile"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Problem("The body must be JSON like {\"profile\":\"flaky,dup=0.1\"}.");
        }

        if (text is null) return Problem("The body must be JSON like {\"profile\":\"flaky,dup=0.1\"}.");
        FaultProfile profile;
        try
        {
            profile = FaultProfileParser.Parse(text);
        }
        catch (FormatException e)
        {
            return Problem(e.Message);
        }

        faults.SetProfile(profile);
        return Json(Describe(faults));
    }

    private static JsonObject Describe(FaultInjector faults)
    {
        var p = faults.Profile;
        var c = faults.Counters;
        return new JsonObject
        {
            ["profile"] = p.Source,
            ["spec"] = p.ToSpec(),
            ["ratePerSecond"] = p.RatePerSecond,
            ["burst"] = p.RatePerSecond is null ? null : p.EffectiveBurst,
            ["retryAfterHeader"] = p.RetryAfterHeader,
            ["serverErrorRate"] = p.ServerErrorRate,
            ["dropRate"] = p.DropRate,
            ["latencyMinMs"] = p.LatencyMin.TotalMilliseconds,
            ["latencyMaxMs"] = p.LatencyMax.TotalMilliseconds,
            ["duplicateRate"] = p.DuplicateRate,
            ["reorderRate"] = p.ReorderRate,
            ["injected"] = new JsonObject
            {
                ["requests"] = c.Requests,
                ["rateLimited"] = c.RateLimited,
                ["delayed"] = c.Delayed,
                ["dropped"] = c.Dropped,
                ["serverErrors"] = c.ServerErrors,
            },
        };
    }

    private static ContentHttpResult Json(JsonNode node) => TypedResults.Text(node.ToJsonString(), "application/json");

    private static ContentHttpResult Problem(string message) =>
        TypedResults.Text(new JsonObject { ["error"] = message }.ToJsonString(), "application/json", statusCode: StatusCodes.Status400BadRequest);
}
