using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>The webhook part of the control plane: settings with their secrets, the delivery log, and a flush.</summary>
internal static class WebhookControlEndpoints
{
    private static readonly TimeSpan DefaultFlushTimeout = TimeSpan.FromSeconds(30);

    public static void Map(IEndpointRouteBuilder endpoints, WebhookDispatcher dispatcher)
    {
        var group = endpoints.MapGroup("/_emulator/webhooks").WithTags("Emulator control");
        group.MapGet("", () => Json(new JsonArray([.. dispatcher.Settings().Select(Describe)]))).WithName("GetEmulatorWebhooks");
        group.MapGet("/deliveries", (string? webhookId, string? webhookActionId, string? action) =>
                Json(new JsonArray([.. dispatcher.Log.Snapshot()
                    .Where(a => (webhookId is null || a.WebhookId == webhookId)
                        && (webhookActionId is null || a.WebhookActionId == webhookActionId)
                        && (action is null || a.Action == action))
                    .Select(Describe)])))
            .WithName("GetEmulatorWebhookDeliveries");
        group.MapPost("/flush", (bool? includeRetries, double? timeoutSeconds, HttpContext context) =>
                FlushAsync(dispatcher, includeRetries ?? false, timeoutSeconds, context.RequestAborted))
            .WithName("FlushEmulatorWebhooks");
    }

    /// <summary>Waits until nothing is queued or in flight (and, with includeRetries, nothing waits on a retry timer).</summary>
    /// <remarks>The timeout runs on the emulator's clock; with a fake clock only the caller's own timeout ends a long wait.</remarks>
    private static async Task<ContentHttpResult> FlushAsync(WebhookDispatcher dispatcher, bool includeRetries, double? timeoutSeconds, CancellationToken aborted)
    {
        var timeout = timeoutSeconds is > 0 ? TimeSpan.FromSeconds(timeoutSeconds.Value) : DefaultFlushTimeout;
        using var expiry = new CancellationTokenSource(timeout, dispatcher.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, aborted);
        var idle = true;
        try
        {
            await dispatcher.WhenIdleAsync(includeRetries, linked.Token);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            idle = false;
        }

        var body = new JsonObject
        {
            ["idle"] = idle,
            ["active"] = dispatcher.Activity.Active,
            ["waiting"] = dispatcher.Activity.Waiting,
        };
        return Json(body, idle ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static JsonObject Describe(WebhookSetting s) => new()
    {
        ["id"] = s.Id,
        ["webhookType"] = s.WebhookType,
        ["requestUrl"] = s.RequestUrl,
        ["secretToken"] = s.SecretToken,
        ["enabled"] = s.Enabled,
    };

    private static JsonObject Describe(DeliveryAttempt a) => new()
    {
        ["id"] = a.Id,
        ["deliveryId"] = a.DeliveryId,
        ["webhookId"] = a.WebhookId,
        ["webhookActionId"] = a.WebhookActionId,
        ["action"] = a.Action,
        ["attempt"] = a.Attempt,
        ["requestUrl"] = a.RequestUrl,
        ["statusCode"] = a.StatusCode,
        ["error"] = a.Error,
        ["startedAt"] = Timestamp(a.StartedAt),
        ["finishedAt"] = Timestamp(a.FinishedAt),
        ["nextRetryAt"] = a.NextRetryAt is { } next ? Timestamp(next) : null,
        ["state"] = JsonNamingPolicyCamelCase(a.State),
        ["duplicate"] = a.Duplicate,
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string JsonNamingPolicyCamelCase(DeliveryState state) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    private static ContentHttpResult Json(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Text(node.ToJsonString(), "application/json", statusCode: statusCode);
}
