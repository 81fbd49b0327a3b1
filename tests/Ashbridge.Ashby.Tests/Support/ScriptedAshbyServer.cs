using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Ashby.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1:0 that answers with queued responses and records every request, and how many
/// it was handling at once.
/// </summary>
public sealed class ScriptedAshbyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly SemaphoreSlim _held = new(0);
    private readonly CancellationTokenSource _disposing = new();
    private int _inFlight;
    private int _maxInFlight;

    private ScriptedAshbyServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// The most requests the server was handling at once. A request counts from its arrival until just before its
    /// response is written, so a client can only start its next request after the count has dropped.
    /// </summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Lets <paramref name="count"/> responses marked <see cref="ScriptedResponse.Held"/> be written, in arrival order.</summary>
    public void ReleaseHeld(int count = 1) => _held.Release(count);

    public static async Task<ScriptedAshbyServer> StartAsync()
    {
        ScriptedAshbyServer? server = null;
        var (app, baseUrl) = await Ashbridge.Testing.LoopbackApp.StartAsync(
            app => app.Run(context => server!.HandleAsync(context)),
            cancellationToken: TestContext.Current.CancellationToken);
        server = new ScriptedAshbyServer(app) { BaseUrl = baseUrl };
        return server;
    }

    public ScriptedAshbyServer Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var r in responses)
        {
            _responses.Enqueue(r);
        }

        return this;
    }

    /// <summary>Waits (bounded by a real-time guard, not a sleep) until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (_requests.Count < count)
        {
            (await _arrivals.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue($"expected {count} requests, got {_requests.Count}");
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
        {
            Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
        }

        ScriptedResponse? response;
        try
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _requests.Enqueue(new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? string.Empty, headers, body));
            _arrivals.Release();

            if (_responses.TryDequeue(out response) && response.Held)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _disposing.Token);
                try
                {
                    await _held.WaitAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        if (response is null)
        {
            ctx.Response.StatusCode = 599;
            await ctx.Response.WriteAsync("no scripted response left");
            return;
        }

        switch (response.Kind)
        {
            case ScriptedKind.Abort:
                ctx.Abort();
                return;
            case ScriptedKind.Truncate:
                // Promises the whole body, sends half of it, and drops the connection.
                var whole = Encoding.UTF8.GetBytes(response.Body ?? string.Empty);
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = response.ContentType;
                ctx.Response.ContentLength = whole.Length;
                await ctx.Response.Body.WriteAsync(whole.AsMemory(0, whole.Length / 2));
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            case ScriptedKind.Hang:
                try
                {
                    await _never.Task.WaitAsync(ctx.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
        }

        ctx.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            ctx.Response.Headers[name] = value;
        }

        ctx.Response.ContentType = response.ContentType;
        await ctx.Response.WriteAsync(response.Body ?? string.Empty);
    }

    public async ValueTask DisposeAsync()
    {
        _never.TrySetResult();
        await _disposing.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrivals.Dispose();
        _held.Dispose();
        _disposing.Dispose();
    }
}

public enum ScriptedKind
{
    Respond,
    Abort,
    Hang,
    Truncate,
}

public sealed record ScriptedResponse(int Status, string? Body, string ContentType = "application/json", ScriptedKind Kind = ScriptedKind.Respond)
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When true, the server holds the response until the test calls <see cref="ScriptedAshbyServer.ReleaseHeld"/>.</summary>
    public bool Held { get; init; }

    public static ScriptedResponse Ok(string resultsJson, string extra = "") =>
        new(200, $$"""{"success":true,"results":{{resultsJson}}{{extra}}}""");

    public static ScriptedResponse Page(string resultsJson, bool more, string? nextCursor = null, string? syncToken = null)
    {
        var extra = $",\"moreDataAvailable\":{(more ? "true" : "false")}"
            + (nextCursor is null ? string.Empty : $",\"nextCursor\":\"{nextCursor}\"")
            + (syncToken is null ? string.Empty : $",\"syncToken\":\"{syncToken}\"");
        return Ok(resultsJson, extra);
    }

    public static ScriptedResponse Error(string code, string message = "Something went wrong", int status = 200, string requestId = "01JREQUEST") =>
        new(status, "{\"success\":false,\"errors\":[\"" + code + "\"],\"errorInfo\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"requestId\":\"" + requestId + "\",\"meta\":{}}}");

    public static ScriptedResponse Raw(int status, string body, string contentType = "application/json") => new(status, body, contentType);

    public static ScriptedResponse Abort() => new(0, null, Kind: ScriptedKind.Abort);

    public static ScriptedResponse Hang() => new(0, null, Kind: ScriptedKind.Hang);

    /// <summary>A 200 whose headers promise <paramref name="response"/>'s whole body but whose connection drops halfway through it.</summary>
    public static ScriptedResponse Truncated(ScriptedResponse response) => response with { Kind = ScriptedKind.Truncate };

    public ScriptedResponse HeldUntilReleased() => this with { Held = true };

    public ScriptedResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
