using System.Data.Common;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Webhooks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/ashby/{connection}</c>: the Request URL pasted into Ashby. The signature is checked on the raw
/// bytes, the event is stored, and only then does Ashby get its 200. Ashby never retries after 401/403/404/405/410, so
/// those answer only what retrying cannot fix (no or a wrong signature, no such connection); anything on our side that
/// fails, the database above all, answers 503, which Ashby retries.
/// </summary>
public static partial class WebhookIntake
{
    /// <summary>The largest body accepted; Ashby's events are a few kilobytes.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>The route, relative to the hub's address.</summary>
    public static string PathFor(string connection) => $"/webhooks/ashby/{connection}";

    public static IEndpointRouteBuilder MapWebhookIntake(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/ashby/{connection}", ReceiveAsync)
            .WithName("ReceiveAshbyWebhook").WithTags("Webhooks")
            .WithSummary("Receives one Ashby webhook delivery (signed with the connection's Secret Token)")
            .AllowAnonymous() // Ashby signs instead of signing in
            .ShortCircuit(); // run by routing itself: none of the sign-in, antiforgery or page middleware applies to Ashby
        return routes;
    }

    /// <summary>
    /// How long the intake may spend on the database for one delivery before answering 503: Ashby's delivery timeout is
    /// short, and an answer it never sees is retried like a 503 anyway, only later.
    /// </summary>
    public static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(4);

    /// <summary>What metrics name a connection that does not exist: the names strangers send must not become tags.</summary>
    private const string UnknownTag = "(unknown)";

    public sealed record Received(string Outcome, long? Connection = null);

    private static async Task<Results<Ok<Received>, ProblemHttpResult>> ReceiveAsync(
        string connection, HttpContext context, WebhookDeliveryCap cap, ConnectionDirectory connections, WebhookSecrets secrets, WebhookIntakeStore intake,
        TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(WebhookIntake));
        var aborted = context.RequestAborted;
        byte[] body;
        try
        {
            body = await ReadBodyAsync(context, aborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"The body is over {MaxBodyBytes} bytes; Ashby's events are far smaller.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var budget = new CancellationTokenSource(StoreBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, budget.Token);
        var ct = linked.Token;
        var tag = UnknownTag;
        try
        {
            // A name no connection had costs a lookup: limited per client, but never a connection's own deliveries.
            if (!connections.Knows(connection) && !cap.TryTakeUnknown(context.Connection.RemoteIpAddress, out var retryAfter)
                && !await connections.KnowsAfterListingAsync(connection, ct))
            {
                AshbridgeTelemetry.RecordWebhookReceived(UnknownTag, "unknown_limited");
                context.Response.Headers.RetryAfter = Seconds(retryAfter);
                return TypedResults.Problem(
                    $"Over the {cap.UnknownPerMinute} requests a minute that may name no connection from one address (Ashbridge:Webhooks:UnknownConnectionPerMinute). "
                    + "Copy the Request URL from the connection's page in Ashbridge.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many unknown connections");
            }

            if (await connections.FindAsync(connection, ct) is not { } target)
            {
                AshbridgeTelemetry.RecordWebhookReceived(UnknownTag, "unknown_connection");
                return TypedResults.Problem(
                    $"There is no connection named '{connection}'. Copy the Request URL from the connection's page in Ashbridge.",
                    statusCode: StatusCodes.Status404NotFound, title: "Unknown connection");
            }

            tag = target.Name;
            if (!cap.TryTake(target.Id))
            {
                AshbridgeTelemetry.RecordWebhookReceived(tag, "over_cap");
                context.Response.Headers.RetryAfter = "60";
                return TypedResults.Problem(
                    $"Over the cap of {cap.PerMinute} deliveries a minute for this connection (Ashbridge:Webhooks:MaxPerMinute); Ashby retries later.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many deliveries");
            }

            var secret = await secrets.SecretAsync(target.Id, ct);
            var check = AshbyWebhookSignature.Verify(body, context.Request.Headers[AshbyWebhookSignature.HeaderName], secret);
            if (check != AshbyWebhookSignatureResult.Valid)
            {
                await intake.RejectAsync(target.Id, check, ct);
                AshbridgeTelemetry.RecordWebhookReceived(tag, check == AshbyWebhookSignatureResult.Missing ? "unsigned" : "forged");
                Rejected(logger, tag, check);
                return TypedResults.Problem(
                    check == AshbyWebhookSignatureResult.Missing
                        ? "The delivery has no Ashby-Signature header: give the webhook the Secret Token shown on the connection's page."
                        : "The Ashby-Signature does not match: the webhook's Secret Token in Ashby differs from the one on the connection's page.",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused");
            }

            var delivery = WebhookDelivery.Read(body);
            var state = delivery.Problem is not null ? WebhookEventState.Dead
                : delivery.Action == WebhookDelivery.Ping || !WebhookEffect.IsUsed(delivery.Action) ? WebhookEventState.Ignored
                : WebhookEventState.Pending;
            var outcome = await intake.StoreAsync(target.Id, delivery, WebhookDelivery.Text(body), state, ct);
            AshbridgeTelemetry.RecordWebhookReceived(tag, outcome == IntakeOutcome.Stored ? "stored" : "duplicate");
            return TypedResults.Ok(new Received(outcome == IntakeOutcome.Stored ? "stored" : "duplicate"));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ConnectionSecretUnreadableException or TimeoutException
            || (ex is OperationCanceledException && !aborted.IsCancellationRequested))
        {
            // Our fault, and perhaps a passing one (the budget spent waiting for a lock, say): Ashby retries a 5xx, so
            // nothing is lost.
            StoreFailed(logger, ex, tag);
            AshbridgeTelemetry.RecordWebhookReceived(tag, "unavailable");
            context.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem("The event could not be stored; Ashby will retry it.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Inbox unavailable");
        }
    }

    private static string Seconds(TimeSpan wait) => ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<byte[]> ReadBodyAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        if (context.Request.ContentLength > MaxBodyBytes) throw new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 8192, MaxBodyBytes));
        await context.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes) throw new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge);
        return buffer.ToArray();
    }

    [LoggerMessage(1, LogLevel.Warning, "Webhook for connection {Connection} refused: signature {Check}")]
    private static partial void Rejected(ILogger logger, string connection, AshbyWebhookSignatureResult check);

    [LoggerMessage(2, LogLevel.Error, "Webhook for connection {Connection} could not be stored; answered 503 so Ashby retries")]
    private static partial void StoreFailed(ILogger logger, Exception exception, string connection);
}
