using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Ashbridge.Emulator.Api;

namespace Ashbridge.Emulator.Faults;

/// <summary>Applies the fault profile to the Ashby surface: 429s per key, latency, dropped connections, 5xx.</summary>
/// <remarks>The control plane (<c>/_emulator/…</c>) is never touched: a test must always be able to switch faults off.</remarks>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults)
{
    /// <summary>Paths under this prefix belong to the emulator's control plane.</summary>
    public const string ControlPrefix = "/_emulator";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ControlPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var decision = faults.Decide(ApiKeyOf(context.Request));
        if (decision.RateLimited)
        {
            await WriteRateLimitedAsync(context, decision.RetryAfter);
            return;
        }

        if (decision.Latency > TimeSpan.Zero) await Task.Delay(decision.Latency, faults.Time, context.RequestAborted);

        if (decision.Drop)
        {
            // Nothing has been written yet, so the client sees the connection close with no response at all.
            context.Abort();
            return;
        }

        if (decision.ServerError is { } status)
        {
            await WriteServerErrorAsync(context, status);
            return;
        }

        await next(context);
    }

    /// <summary>The Basic-auth user name (Ashby's API key); empty when absent or malformed, which shares one bucket.</summary>
    internal static string ApiKeyOf(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return "";
        }

        Span<byte> bytes = stackalloc byte[header.Parameter.Length];
        if (!Convert.TryFromBase64String(header.Parameter, bytes, out var written)) return "";
        var credentials = Encoding.UTF8.GetString(bytes[..written]);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? credentials : credentials[..colon];
    }

    private async Task WriteRateLimitedAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (faults.Profile.RetryAfterHeader)
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        var body = Envelope.Failure("rate_limit_exceeded", "Rate limit exceeded for this API key. Please retry later.", RequestIds.Next(faults.Time));
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>500 carries Ashby's failure envelope; 502/503 a proxy's HTML page, as a gateway in front of Ashby would send.</summary>
    private async Task WriteServerErrorAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        byte[] body;
        if (status == StatusCodes.Status500InternalServerError)
        {
            context.Response.ContentType = "application/json";
            body = Envelope.Failure("internal_server_error", "An internal error occurred. Please retry later.", RequestIds.Next(faults.Time));
        }
        else
        {
            context.Response.ContentType = "text/html";
            var reason = status == StatusCodes.Status502BadGateway ? "Bad Gateway" : "Service Temporarily Unavailable";
            body = Encoding.UTF8.GetBytes(GatewayPage(status, reason));
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static string GatewayPage(int status, string reason) => string.Create(
        CultureInfo.InvariantCulture,
        $"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
}
