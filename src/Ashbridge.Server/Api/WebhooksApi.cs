using System.Security.Claims;
using Ashbridge.Ashby;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Webhooks;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Ashbridge.Server.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// A connection's webhook inbox over JSON: the Request URL and Secret Token to paste into Ashby, refusals, the last
/// event per type, recent events, dead letters, and replay.
/// </summary>
public static class WebhooksApi
{
    public sealed record Registered(IReadOnlyList<WebhookRegistration> Webhooks);

    public sealed record Unregistered(int Removed);

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

    private static async Task<Results<Ok<WebhookSetup>, ProblemHttpResult>> GetAsync(
        string name, ClaimsPrincipal principal, HttpRequest request, IConfiguration configuration, ConnectionAccess access, ConnectionWebhooks webhooks,
        CancellationToken ct) =>
        await access.FindVisibleAsync(principal, name, ct) is { } c
            ? TypedResults.Ok(await webhooks.SetupAsync(c, WebhookRequestUrl.For(request, configuration, c.Name), ct))
            : NotFound(name);

    private static async Task<Results<Ok<RotatedSecret>, ProblemHttpResult>> RotateAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, WebhookSecrets secrets, WebhookRegistrar registrar, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        var secret = await secrets.RotateSecretAsync(c.Id, ct);
        await registrar.UpdateSecretAsync(c, ct); // the webhooks Ashbridge made in Ashby get the new secret too
        await audit.WriteAsync(principal.Actor(), "webhook.secret.rotate", c.Name, null, ct);
        return TypedResults.Ok(new RotatedSecret(secret));
    }

    private static async Task<Results<Ok<Replayed>, ProblemHttpResult>> ReplayAsync(
        string name, ReplayRequest? request, ClaimsPrincipal principal, ConnectionAccess access, WebhookBacklog queue, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        var count = await queue.ReplayAsync(c.Id, request?.EventId, ct); // wakes the processor
        await audit.WriteAsync(principal.Actor(), "webhook.replay", c.Name, request?.EventId is { } id ? $"event {id}" : "all dead letters", ct);
        return TypedResults.Ok(new Replayed(count));
    }

    private static async Task<Results<Ok<Registered>, ProblemHttpResult>> RegisterAsync(
        string name, ClaimsPrincipal principal, HttpRequest request, IConfiguration configuration, ConnectionAccess access, ConnectionWebhooks webhooks,
        AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
        var (registered, refusal) = await webhooks.RegisterAsync(c, WebhookRequestUrl.For(request, configuration, c.Name), ct);
        if (refusal is not null) return ConnectionRefusals.Problem(refusal);
        await audit.WriteAsync(principal.Actor(), "webhook.register", c.Name, $"{registered.Count} webhooks in Ashby", ct);
        return TypedResults.Ok(new Registered(registered));
    }

    private static async Task<Results<Ok<Unregistered>, ProblemHttpResult>> UnregisterAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, WebhookRegistrar registrar, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return NotFound(name);
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

    private static ProblemHttpResult NotFound(string name) => ConnectionRefusals.NoSuchConnection(name);
}
