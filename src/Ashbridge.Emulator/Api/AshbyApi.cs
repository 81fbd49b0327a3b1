using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// The Ashby surface: every <c>POST /&lt;object&gt;.&lt;method&gt;</c>. Order of checks: unknown endpoint (404), method
/// other than POST (405), credentials (401/403), module permission (403), body, then the endpoint itself.
/// </summary>
internal static class AshbyApi
{
    public const string Version = "2026-01-01";

    public static EndpointTable CreateTable()
    {
        var table = new EndpointTable();
        ApiKeyEndpoints.Register(table);
        CandidateEndpoints.Register(table);
        ApplicationEndpoints.Register(table);
        JobEndpoints.Register(table);
        JobPostingEndpoints.Register(table);
        OpeningEndpoints.Register(table);
        OrganizationEndpoints.Register(table);
        MetadataEndpoints.Register(table);
        CustomFieldEndpoints.Register(table);
        CandidateTagEndpoints.Register(table);
        InterviewEndpoints.Register(table);
        OfferEndpoints.Register(table);
        HiringTeamEndpoints.Register(table);
        WebhookEndpoints.Register(table);
        return table;
    }

    public static IEndpointRouteBuilder MapAshbyApi(this IEndpointRouteBuilder app)
    {
        var table = CreateTable();
        app.Map("/{endpoint}", (HttpContext context, string endpoint, EmulatorServices services) => HandleAsync(context, endpoint, table, services))
            .WithName("AshbyApi");
        return app;
    }

    private static async Task HandleAsync(HttpContext context, string endpoint, EndpointTable table, EmulatorServices services)
    {
        var started = Stopwatch.GetTimestamp();
        var response = context.Response;
        response.Headers["Ashby-Version"] = Version;
        response.Headers["Ashby-Version-Status"] = "active";
        var ct = context.RequestAborted;
        if (table.Find(endpoint) is not { } definition)
        {
            await FailAsync(context, services, 404, ErrorCodes.EndpointNotFound, $"There is no endpoint /{endpoint}. Ashby endpoints look like /candidate.list.");
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            response.Headers.Allow = "POST";
            await FailAsync(context, services, 405, ErrorCodes.MethodNotAllowed, $"/{endpoint} only accepts POST with a JSON body.");
            return;
        }

        if (BasicAuthentication.ReadKey(context.Request.Headers.Authorization) is not { } keyText)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"Ashby API\"";
            await FailAsync(context, services, 401, ErrorCodes.Unauthenticated, "Missing or malformed Authorization header: use HTTP Basic with the API key as the user name and an empty password.");
            return;
        }

        var key = services.Keys.Find(keyText);
        if (key is null || key.Deactivated)
        {
            await FailAsync(context, services, 403, key is null ? ErrorCodes.InvalidApiKey : ErrorCodes.ApiKeyDeactivated,
                key is null ? "The API key is not valid for this organisation." : "The API key has been deactivated.");
            return;
        }

        if (!key.Permissions.Contains(definition.Permission))
        {
            await FailAsync(context, services, 403, ErrorCodes.MissingEndpointPermission,
                $"The API key is missing the {definition.Permission} permission required by /{endpoint}. Enable it for the key in Ashby (Admin > API Keys).");
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, ct);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body.ToArray());
        }
        catch (JsonException)
        {
            await FailAsync(context, services, 200, ErrorCodes.InvalidInput, "The request body is not valid JSON.");
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                await FailAsync(context, services, 200, ErrorCodes.InvalidInput, "The request body must be a JSON object.");
                return;
            }

            using var call = new AshbyCall(endpoint, document.RootElement, key, services);
            if (definition.AsyncHandler is { } handleAsync) await handleAsync(call, ct);
            else Run(call, definition, services);
            foreach (var related in call.Events) services.Publisher?.Publish(related);
            response.StatusCode = call.Status;
            response.ContentType = "application/json; charset=utf-8";

            // How long the emulator spent on the call (auth, body, handler, JSON), for benchmarks reading real responses.
            response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F3}");
            await response.Body.WriteAsync(call.Output, ct);
        }
    }

    private static void Run(AshbyCall call, AshbyEndpoint definition, EmulatorServices services)
    {
        var gate = services.Org.Gate;
        if (definition.Access == Access.Write) gate.EnterWriteLock();
        else gate.EnterReadLock();
        try
        {
            definition.Handler!(call);
        }
        finally
        {
            if (definition.Access == Access.Write) gate.ExitWriteLock();
            else gate.ExitReadLock();
        }
    }

    private static async Task FailAsync(HttpContext context, EmulatorServices services, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(Envelope.Failure(code, message, RequestIds.Next(services.Options.TimeProvider)), context.RequestAborted);
    }
}
