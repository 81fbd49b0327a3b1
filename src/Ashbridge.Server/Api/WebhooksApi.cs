using System.Security.Claims;
using Ashbridge.Ashby;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Webhooks;
using Ashbridge.Server.Access;
using Ashbridge.Server.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// A connection's webhook inbox over JSON: the Request URL and Secret Token to paste into Ashby, refusals, the last
/// event per type, recent events, dead letters, and replay.
/// </summary>
public static class WebhooksApi
{
    /// <summary>The hub's public base URL, when it sits behind a proxy (the Request URL shown to admins is built on it).</summary>
    public const string PublicUrlKey = "Ashbridge:PublicUrl";

    public sealed record WebhookSetup(
        string RequestUrl, string SecretToken, WebhookRejections Rejections, IReadOnlyList<WebhookTypeActivity> LastByType,
        IReadOnlyList<WebhookEventSummary> Recent, IReadOnlyList<WebhookEventSummary> DeadLetters, IReadOnlyList<WebhookRegistration> Registered);

    public sealed record Registered(IReadOnlyList<WebhookRegistration> Webhooks);

    public sealed record Unregistered(int Removed);

    /// <summary>An event without its body (which holds candidates' personal data): what the lists show.</summary>
    public sealed record WebhookEventSummary(long Id, string Action, string WebhookActionId, DateTimeOffset ReceivedAt, WebhookEventState State, int Attempts, string? LastError, DateTimeOffset? ProcessedAt)
    {
        public static WebhookEventSummary Of(WebhookEvent e) => new(e.Id, e.Action, e.WebhookActionId, e.ReceivedAt, e.State, e.Attempts, e.LastError, e.ProcessedAt);
    }

    /// <summary>What <c>POST …/webhooks/replay</c> takes: one dead event, or all of them when absent.</summary>
    public sealed record ReplayRequest(long? EventId);

    public sealed record Replayed(int Events);

    public sealed record RotatedSecret(string SecretToken);

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        // The Secret Token is a credential: the whole inbox API is for admins.
        var api = routes.MapGroup("/api/connections/{name}/webhooks").WithTags("Webhooks").RequireAuthorization(AccessPolicies.Operate);
        api.MapGet("", GetAsync).WithName("GetWebhookSetup").WithSummary("Request URL, Secret Token, refusals, last event per type, recent events and dead letters");
        api.MapPost("/secret", RotateAsync).WithName("RotateWebhookSecret").WithSummary("Replaces the Secret Token (paste the new one into Ashby)");
        api.MapPost("/registrations", RegisterAsync).WithName("RegisterWebhooks")
            .WithSummary("Creates the needed webhooks in Ashby with webhook.create (the key needs API Keys write)");
        api.MapDelete("/registrations", UnregisterAsync).WithName("UnregisterWebhooks").WithSummary("Deletes the webhooks Ashbridge created in Ashby");
        api.MapPost("/replay", ReplayAsync).WithName("ReplayWebhookEvents").WithSummary("Queues dead events again: one, or all");
        return routes;
    }

    /// <summary>The Request URL for a connection, on the configured public URL or the address the request came to.</summary>
    public static string RequestUrl(HttpRequest request, IConfiguration configuration, string connection)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration[PublicUrlKey] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + WebhookIntake.PathFor(connection);
    }

    /// <summary>What the connection's page and the API show.</summary>
    public static async Task<WebhookSetup> SetupAsync(
        Connection connection, string requestUrl, WebhookSecrets secrets, WebhookInbox inbox, WebhookRegistrar registrar, CancellationToken ct) => new(
        requestUrl,
        await secrets.SecretAsync(connection.Id, ct),
        await inbox.RejectionsAsync(connection.Id, ct),
        await inbox.ActivityAsync(connection.Id, ct),
        [.. (await inbox.RecentAsync(connection.Id, null, 20, ct)).Select(WebhookEventSummary.Of)],
        [.. (await inbox.RecentAsync(connection.Id, WebhookEventState.Dead, 100, ct)).Select(WebhookEventSummary.Of)],
        await registrar.ListAsync(connection.Id, ct));

    private static async Task<Results<Ok<WebhookSetup>, ProblemHttpResult>> GetAsync(
        string name, ClaimsPrincipal principal, HttpRequest request, IConfiguration configuration, ConnectionStore connections, WebhookSecrets secrets, WebhookInbox inbox,
        WebhookRegistrar registrar, CancellationToken ct) =>
        await ConnectionsApi.FindVisibleAsync(principal, connections, name, ct) is { } c
            ? TypedResults.Ok(await SetupAsync(c, RequestUrl(request, configuration, c.Name), secrets, inbox, registrar, ct))
            : NotFound(name);

    private static async Task<Results<Ok<RotatedSecret>, ProblemHttpResult>> RotateAsync(
        string name, ClaimsPrincipal principal, ConnectionStore connections, WebhookSecrets secrets, WebhookRegistrar registrar, AuditLog audit, CancellationToken ct)
    {
        if (await ConnectionsApi.FindVisibleAsync(principal, connections, name, ct) is not { } c) return NotFound(name);
        var secret = await secrets.RotateSecretAsync(c.Id, ct);
        await registrar.UpdateSecretAsync(c, ct); // the webhooks Ashbridge made in Ashby get the new secret too
        await audit.WriteAsync(principal.Actor(), "webhook.secret.rotate", c.Name, null, ct);
        return TypedResults.Ok(new RotatedSecret(secret));
    }

    private static async Task<Results<Ok<Replayed>, ProblemHttpResult>> ReplayAsync(
        string name, ReplayRequest? request, ClaimsPrincipal principal, ConnectionStore connections, WebhookBacklog queue, AuditLog audit, CancellationToken ct)
    {
        if (await ConnectionsApi.FindVisibleAsync(principal, connections, name, ct) is not { } c) return NotFound(name);
        var count = await queue.ReplayAsync(c.Id, request?.EventId, ct); // wakes the processor
        await audit.WriteAsync(principal.Actor(), "webhook.replay", c.Name, request?.EventId is { } id ? $"event {id}" : "all dead letters", ct);
        return TypedResults.Ok(new Replayed(count));
    }

    private static async Task<Results<Ok<Registered>, ProblemHttpResult>> RegisterAsync(
        string name, ClaimsPrincipal principal, HttpRequest request, IConfiguration configuration, ConnectionStore connections, WebhookRegistrar registrar,
        AuditLog audit, CancellationToken ct)
    {
        if (await ConnectionsApi.FindVisibleAsync(principal, connections, name, ct) is not { } c) return NotFound(name);
        try
        {
            var registered = await registrar.RegisterAsync(c, RequestUrl(request, configuration, c.Name), ct);
            await audit.WriteAsync(principal.Actor(), "webhook.register", c.Name, $"{registered.Count} webhooks in Ashby", ct);
            return TypedResults.Ok(new Registered(registered));
        }
        catch (AshbyPermissionException ex)
        {
            return TypedResults.Problem(
                $"Ashby refused: {ex.Message} The key needs the API Keys write permission (apiKeysWrite) to create webhooks; grant it, or paste the Request URL and Secret Token into Ashby yourself.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "The key cannot create webhooks");
        }
        catch (AshbyApiException ex)
        {
            return TypedResults.Problem($"Ashby failed: {AshbyFailure.Classify(ex).Message} What was created is kept; try again to create the rest.", statusCode: StatusCodes.Status502BadGateway, title: "Ashby could not create the webhooks");
        }
    }

    private static async Task<Results<Ok<Unregistered>, ProblemHttpResult>> UnregisterAsync(
        string name, ClaimsPrincipal principal, ConnectionStore connections, WebhookRegistrar registrar, AuditLog audit, CancellationToken ct)
    {
        if (await ConnectionsApi.FindVisibleAsync(principal, connections, name, ct) is not { } c) return NotFound(name);
        try
        {
            var removed = await registrar.UnregisterAsync(c, ct);
            await audit.WriteAsync(principal.Actor(), "webhook.unregister", c.Name, $"{removed} webhooks in Ashby", ct);
            return TypedResults.Ok(new Unregistered(removed));
        }
        catch (AshbyApiException ex)
        {
            return TypedResults.Problem($"Ashby failed: {AshbyFailure.Classify(ex).Message} Those not deleted are still listed; try again.", statusCode: StatusCodes.Status502BadGateway, title: "Ashby could not delete the webhooks");
        }
    }

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem($"There is no connection named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "No such connection");
}
