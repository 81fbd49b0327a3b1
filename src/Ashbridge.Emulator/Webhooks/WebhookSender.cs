using System.Net.Http.Headers;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>The result of one HTTP attempt: a status code, or the transport failure that prevented one.</summary>
internal readonly record struct AttemptResult(int? StatusCode, string? Error)
{
    public bool IsSuccess => StatusCode is { } status && WebhookRetryPolicy.IsSuccess(status);

    /// <summary>Status code or error, for logs and the delivery log.</summary>
    public override string ToString() => StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error ?? "";
}

/// <summary>Posts one signed body to one URL; never throws for the receiver's failures.</summary>
internal sealed class WebhookSender(HttpClient http, TimeSpan timeout)
{
    public async Task<AttemptResult> SendAsync(string requestUrl, byte[] body, string? signature, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, requestUrl) { Content = content };

        // A fresh connection per attempt: on a reused connection that fails before any response byte, SocketsHttpHandler
        // silently re-sends the request, which would turn one logged attempt into two deliveries at the receiver.
        request.Headers.ConnectionClose = true;
        if (signature is not null) request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new AttemptResult((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(null, $"timeout: no response within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(null, $"transport: {e.HttpRequestError}: {e.Message}");
        }
    }

    /// <summary>A client that reports redirects as they are (a 3xx is not a 2xx) and ignores proxies (receivers are usually local).</summary>
    public static HttpClient CreateClient(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
        };
        var client = new HttpClient(handler) { Timeout = timeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ashby-emulator-webhooks/1.0");
        return client;
    }
}
