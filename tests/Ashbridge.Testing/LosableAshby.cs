using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Ashbridge.Testing;

/// <summary>
/// A real Kestrel proxy in front of an emulator that can lose Ashby part-way through a pass: once armed, the first
/// request to <c>lostAt</c> and every request after it have their connection aborted before any answer, as an Ashby
/// that went away answers. Lets a test in another process (the CLI) or another host (the hub) stop Ashby mid-pass.
/// </summary>
public sealed class LosableAshby : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly string _lostAt;
    private volatile bool _armed;
    private volatile bool _lost;

    private LosableAshby(WebApplication app, HttpClient upstream, string lostAt)
    {
        _app = app;
        _upstream = upstream;
        _lostAt = lostAt;
    }

    /// <summary>The URL to give Ashbridge as Ashby's.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Whether Ashby has been lost (a request to the endpoint came while armed).</summary>
    public bool IsLost => _lost;

    /// <summary>Starts a proxy to <paramref name="ashby"/> that, once armed, is lost from the first request to <paramref name="lostAt"/> (e.g. <c>interviewPlan.list</c>).</summary>
    public static async Task<LosableAshby> StartAsync(Uri ashby, string lostAt)
    {
        LosableAshby? proxy = null;
        var upstream = new HttpClient { BaseAddress = ashby };
        var (app, baseUrl) = await LoopbackApp.StartAsync(
            app => app.Run(context => proxy!.ForwardAsync(context)),
            cancellationToken: TestContext.Current.CancellationToken);
        proxy = new LosableAshby(app, upstream, lostAt) { BaseUrl = baseUrl };
        return proxy;
    }

    /// <summary>From now on, the first request to the endpoint loses Ashby.</summary>
    public void Arm() => _armed = true;

    private async Task ForwardAsync(HttpContext context)
    {
        if (_armed && context.Request.Path.Value?.EndsWith("/" + _lostAt, StringComparison.Ordinal) == true) _lost = true;
        if (_lost)
        {
            context.Abort();
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        if (context.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        foreach (var header in context.Request.Headers.Where(h => h.Key is "Authorization" or "Accept"))
        {
            request.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
        }

        using var answer = await _upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        if (answer.Content.Headers.ContentType is { } contentType) context.Response.ContentType = contentType.ToString();
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
