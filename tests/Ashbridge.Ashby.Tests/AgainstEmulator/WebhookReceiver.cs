using Ashbridge.Ashby.Webhooks;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Ashby.Tests.AgainstEmulator;

/// <summary>A real Kestrel endpoint that records every webhook delivery as raw bytes and answers 200.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(byte[] Body, string? Signature)> _deliveries = Channel.CreateUnbounded<(byte[], string?)>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<(byte[] Body, string? Signature)> All { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var delivery = (buffer.ToArray(), http.Request.Headers["Ashby-Signature"].FirstOrDefault());
            receiver.All.Enqueue(delivery);
            await receiver._deliveries.Writer.WriteAsync(delivery);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hook");
        return receiver;
    }

    /// <summary>Waits for the next delivery whose payload satisfies <paramref name="match"/>.</summary>
    public async Task<(byte[] Body, string? Signature)> NextAsync(Func<AshbyWebhookEvent, bool> match, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var delivery = await _deliveries.Reader.ReadAsync(timeout.Token);
            if (match(AshbyWebhookEvent.Parse(delivery.Body)))
            {
                return delivery;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
