using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Ashbridge.Testing;

/// <summary>One request as the receiver got it: the raw body bytes and the headers.</summary>
public sealed record ReceivedRequest(string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public System.Text.Json.Nodes.JsonNode Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!;
}

/// <summary>A real Kestrel endpoint on 127.0.0.1 that records what it receives and answers from a script.</summary>
/// <remarks>Each path has its own script of answers, used in order; once a script runs out the path answers 200.</remarks>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>Scripted answer: abort the connection before responding (a transport failure).</summary>
    public const int Abort = -1;

    /// <summary>Scripted answer: never respond (the sender's timeout fires).</summary>
    public const int Hang = -2;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var (app, baseUrl) = await LoopbackApp.StartAsync(
            app => app.Run(context => receiver!.HandleAsync(context)),
            cancellationToken: TestContext.Current.CancellationToken);
        receiver = new WebhookReceiver(app) { BaseUrl = baseUrl };
        return receiver;
    }

    /// <summary>The URL of <paramref name="path"/> on this receiver.</summary>
    public string Url(string path = "hook") => new Uri(BaseUrl, path).ToString();

    /// <summary>Queues the answers <paramref name="path"/> gives to its next requests.</summary>
    public void Script(string path, params int[] answers)
    {
        var script = _scripts.GetOrAdd("/" + path, _ => new ConcurrentQueue<int>());
        foreach (var answer in answers) script.Enqueue(answer);
    }

    /// <summary>Requests received on one path (pings included).</summary>
    public IReadOnlyList<ReceivedRequest> On(string path) => [.. _received.Where(r => r.Path == "/" + path)];

    /// <summary>Requests on one path other than pings.</summary>
    public IReadOnlyList<ReceivedRequest> Deliveries(string path = "hook") =>
        [.. On(path).Where(r => r.Json["action"]!.GetValue<string>() != "ping")];

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        _received.Enqueue(new ReceivedRequest(path, buffer.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        var answer = _scripts.TryGetValue(path, out var script) && script.TryDequeue(out var next) ? next : 200;
        switch (answer)
        {
            case Abort:
                context.Abort();
                return;
            case Hang:
                // Held open until the sender gives up and closes the connection.
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            default:
                context.Response.StatusCode = answer;
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
