using System.Text.Json.Nodes;
using Ashbridge.Emulator.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Emulator.Tests.Webhooks;

/// <summary>A webhook dispatcher built through <c>AddEmulatorWebhooks</c>, a receiver, and a fake clock that only moves when told.</summary>
internal sealed class WebhookHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private WebhookHarness(ServiceProvider services, WebhookReceiver receiver, FakeTimeProvider time)
    {
        _services = services;
        Receiver = receiver;
        Time = time;
        Dispatcher = services.GetRequiredService<WebhookDispatcher>();
    }

    public WebhookDispatcher Dispatcher { get; }

    public IWebhookRegistry Registry => _services.GetRequiredService<IWebhookRegistry>();

    public IWebhookPublisher Publisher => _services.GetRequiredService<IWebhookPublisher>();

    public WebhookReceiver Receiver { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<WebhookHarness> StartAsync(string? faultProfile = null, int seed = 1, TimeSpan? requestTimeout = null, ILoggerProvider? logs = null)
    {
        var time = new FakeTimeProvider();
        var options = new EmulatorOptions { TimeProvider = time, FaultProfile = faultProfile, Seed = seed };
        var services = new ServiceCollection();
        if (logs is not null) services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (requestTimeout is { } timeout) services.AddSingleton(WebhookDeliveryOptions.From(options) with { RequestTimeout = timeout });
        services.AddEmulatorWebhooks(options);
        var receiver = await WebhookReceiver.StartAsync();
        return new WebhookHarness(services.BuildServiceProvider(), receiver, time);
    }

    public Task<WebhookSetting> CreateAsync(string webhookType, string path = "hook", string? secret = "s3cret") =>
        Registry.CreateAsync(webhookType, Receiver.Url(path), secret, TestContext.Current.CancellationToken);

    public void Publish(params (string Action, string Id)[] related) =>
        Publisher.Publish([.. related.Select(e => new WebhookEvent(e.Action, new JsonObject { ["application"] = new JsonObject { ["id"] = e.Id } }))]);

    /// <summary>Waits until nothing is queued or in flight; retries waiting on the fake clock do not count.</summary>
    public Task IdleAsync() => Dispatcher.WhenIdleAsync(includeWaiting: false, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    /// <summary>Moves the fake clock and waits for whatever that set off.</summary>
    public Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return IdleAsync();
    }

    public IReadOnlyList<DeliveryAttempt> Attempts(string? action = null) =>
        [.. Dispatcher.Log.Snapshot().Where(a => a.Action != "ping" && (action is null || a.Action == action))];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
