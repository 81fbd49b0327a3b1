using System.Buffers;
using System.Text.Json;
using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// The control API under <c>/_emulator/</c>: no Ashby auth, JSON in and out, for tests and demos to make things happen
/// in the organisation (hires, stage moves, posting changes, merges…) exactly as if someone did them in Ashby's UI.
/// </summary>
internal static class ControlApi
{
    public const string Prefix = "/_emulator";

    public static IEndpointRouteBuilder MapEmulatorControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Emulator control");
        SummaryRoute.Map(group);
        HireRoute.Map(group);
        OfferRoutes.Map(group);
        MoveStageRoute.Map(group);
        JobPostingRoutes.Map(group);
        JobRoutes.Map(group);
        CandidateRoutes.Map(group);
        UserRoutes.Map(group);
        TokenRoutes.Map(group);
        return app;
    }

    /// <summary>Reads the request body as a JSON object (an empty body is <c>{}</c>); null when it is not one.</summary>
    public static async Task<JsonElement?> ReadBodyAsync(HttpContext context)
    {
        using var stream = new MemoryStream();
        await context.Request.Body.CopyToAsync(stream, context.RequestAborted);
        if (stream.Length == 0) return JsonDocument.Parse("{}").RootElement.Clone();
        try
        {
            using var document = JsonDocument.Parse(stream.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Runs a change under the organisation's write lock, then publishes the webhooks it caused.</summary>
    public static IResult Change(EmulatorServices services, Func<ChangeContext, IResult> change)
    {
        var context = new ChangeContext(services);
        IResult result;
        services.Org.Gate.EnterWriteLock();
        try
        {
            result = change(context);
        }
        finally
        {
            services.Org.Gate.ExitWriteLock();
        }

        services.Publish(context.Events);
        return result;
    }

    public static IResult Json(Action<Utf8JsonWriter> write, int status = 200)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Ashbridge.Emulator.Json.JsonOutput.Options)) write(w);
        var bytes = buffer.WrittenMemory.ToArray();
        return status == 200 ? Results.Bytes(bytes, "application/json; charset=utf-8") : new StatusJson(bytes, status);
    }

    public static IResult Error(int status, string message) => Json(
        w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        },
        status);

    public static IResult BadBody() => Error(400, "The body must be a JSON object.");

    public static string? String(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static Guid? Guid(this JsonElement body, string name) =>
        System.Guid.TryParse(body.String(name), out var id) ? id : null;

    public static double? Number(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static bool? Bool(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}

/// <summary>The organisation, the time and the webhooks of one control-API change.</summary>
internal sealed class ChangeContext(EmulatorServices services)
{
    public Data.Organization Org => services.Org;

    public long NowMs { get; } = services.NowMs;

    public List<IReadOnlyList<WebhookEvent>> Events { get; } = [];
}

/// <summary>A JSON body with a status other than 200.</summary>
internal sealed class StatusJson(byte[] body, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
