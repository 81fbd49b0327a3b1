using System.Threading.Channels;
using Ashbridge.Emulator.Faults;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>The emulator's webhook settings and their delivery: one object behind both <see cref="IWebhookPublisher"/> and <see cref="IWebhookRegistry"/>.</summary>
/// <remarks>
/// <see cref="Publish"/> only queues; one reader drains the queue (so fault dice are thrown in publish order and runs repeat)
/// and hands each attempt to a bounded set of concurrent senders. Failed attempts wait on a timer from the emulator's
/// <see cref="TimeProvider"/> and come back through the queue. This file holds the queue; the attempts, the fault
/// handling and the settings live in the other <c>WebhookDispatcher.*.cs</c> files.
/// </remarks>
internal sealed partial class WebhookDispatcher : IWebhookPublisher, IWebhookRegistry, IAsyncDisposable, IDisposable
{
    private readonly WebhookDeliveryOptions _options;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly WebhookSender _sender;
    private readonly Channel<PendingDelivery> _queue = Channel.CreateUnbounded<PendingDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _inFlight;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Random _dice;

    /// <summary>Guards the settings, the parked deliveries and the disposed flag.</summary>
    private readonly Lock _gate = new();

    private Task? _loop;
    private bool _disposed;

    public WebhookDispatcher(WebhookDeliveryOptions options, FaultInjector faults, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _faults = faults;
        _time = time;
        _logger = logger;
        _http = WebhookSender.CreateClient(options.RequestTimeout);
        _sender = new WebhookSender(_http, options.RequestTimeout);
        _inFlight = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        _dice = new Random(options.Seed);
        Log = new DeliveryLog(options.LogCapacity);
    }

    /// <summary>Every attempt (and ping), most recent last.</summary>
    public DeliveryLog Log { get; }

    /// <summary>The clock behind retries, holds and timestamps.</summary>
    public TimeProvider Time => _time;

    /// <summary>What is queued, in flight or waiting; await it instead of sleeping.</summary>
    public DeliveryActivity Activity { get; } = new();

    /// <inheritdoc />
    public void Publish(IReadOnlyList<WebhookEvent> related)
    {
        ArgumentNullException.ThrowIfNull(related);
        if (related.Count == 0) return;
        var webhookActionId = NewId();
        var settings = Settings();
        foreach (var webhookEvent in related)
        {
            foreach (var setting in settings)
            {
                if (!setting.Enabled || !string.Equals(setting.WebhookType, webhookEvent.Action, StringComparison.Ordinal)) continue;
                var body = WebhookEnvelope.Serialize(webhookActionId, webhookEvent.Action, webhookEvent.Data);
                Enqueue(new PendingDelivery
                {
                    Id = NewId(),
                    Target = setting,
                    WebhookActionId = webhookActionId,
                    Action = webhookEvent.Action,
                    Body = body,
                    Signature = SignatureFor(body, setting),
                });
            }
        }
    }

    /// <summary>Completes when nothing is queued or in flight; with <paramref name="includeWaiting"/>, also no retry or held delivery waits.</summary>
    public Task WhenIdleAsync(bool includeWaiting, CancellationToken cancellationToken) =>
        Activity.WhenIdleAsync(includeWaiting, cancellationToken);

    private static string NewId() => Guid.NewGuid().ToString();

    private static string? SignatureFor(byte[] body, WebhookSetting setting) =>
        string.IsNullOrEmpty(setting.SecretToken) ? null : WebhookSignature.Sign(body, setting.SecretToken);

    private void Enqueue(PendingDelivery delivery)
    {
        Activity.Queued();
        StartOnce();
        if (!_queue.Writer.TryWrite(delivery)) Activity.Finished();
    }

    /// <summary>Puts a parked delivery back on the queue; the caller has already moved it from waiting to active.</summary>
    private void Requeue(PendingDelivery delivery)
    {
        if (!_queue.Writer.TryWrite(delivery)) Activity.Finished();
    }

    /// <summary>The reader starts with the first delivery, so a host that never publishes runs no background work.</summary>
    private void StartOnce()
    {
        if (Volatile.Read(ref _loop) is not null) return;
        lock (_gate)
        {
            if (_loop is null && !_disposed) Volatile.Write(ref _loop, Task.Run(() => RunAsync(_stopping.Token)));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (_queue.Reader.TryRead(out var delivery))
                {
                    var isFresh = delivery.AttemptsMade == 0 && !delivery.WasHeld;
                    if (isFresh && !delivery.IsDuplicate && RollFaultsAndMaybeHold(delivery)) continue;

                    // A fresh delivery overtakes the one held back by the reorder fault, which goes right after it.
                    var releaseAfter = isFresh ? TakeHeld() : null;
                    await _inFlight.WaitAsync(cancellationToken);
                    _ = AttemptAsync(delivery, releaseAfter, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: pending deliveries die with the emulator.
        }
#pragma warning disable CA1031 // The loop runs unobserved on the thread pool; a bug here must reach the log, not vanish.
        catch (Exception e)
#pragma warning restore CA1031
        {
            WebhookLog.LoopFailed(_logger, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!StopAccepting()) return;
        if (_loop is { } loop) await loop;

        // Attempts see the cancelled token and return quickly; wait for every slot so none touches disposed state.
        for (var i = 0; i < _options.MaxInFlight; i++) await _inFlight.WaitAsync(CancellationToken.None);
        ReleaseResources();
    }

    /// <summary>Synchronous disposal for containers disposed without <c>await</c>: stops everything without waiting.</summary>
    public void Dispose()
    {
        if (StopAccepting()) ReleaseResources();
    }

    private bool StopAccepting()
    {
        lock (_gate)
        {
            if (_disposed) return false;
            _disposed = true;
            _stopping.Cancel();
            _queue.Writer.TryComplete();
            DisposeParkedTimers();
            return true;
        }
    }

    private void ReleaseResources()
    {
        _http.Dispose();
        _stopping.Dispose();
    }
}
