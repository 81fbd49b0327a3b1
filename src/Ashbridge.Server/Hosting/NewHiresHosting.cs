using Ashbridge.Core.Outbound;

namespace Ashbridge.Server.Hosting;

/// <summary>New hires in the hub: the dispatcher that sends added members outward, as soon as they are queued and on each retry.</summary>
public static class NewHiresHosting
{
    public static IHostApplicationBuilder AddAshbridgeNewHires(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(nameof(OutboundDispatcher), c => c.Timeout = TimeSpan.FromSeconds(15));
        // A factory: the dispatcher's HttpClient comes from the named client, not from the container.
        builder.Services.AddSingleton(sp => new OutboundDispatcher(
            sp.GetRequiredService<OutboundDeliveries>(), sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OutboundDispatcher)),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<OutboundDispatcher>>()));
        builder.Services.AddHostedService<OutboundSending>();
        return builder;
    }
}

/// <summary>Runs the dispatcher whenever a delivery is queued, and again when the next retry is due.</summary>
public sealed partial class OutboundSending(OutboundDispatcher dispatcher, OutboundDeliveries deliveries, TimeProvider time, ILogger<OutboundSending> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _queued = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        deliveries.Queued += OnQueued;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    while (await dispatcher.DeliverDueAsync(stoppingToken) > 0)
                    {
                    }

                    var next = await dispatcher.NextDueAsync(stoppingToken);
                    wait = next is { } due ? TimeSpan.FromTicks(Math.Clamp((due - time.GetUtcNow()).Ticks, 0, LongestWait.Ticks)) : LongestWait;
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or Core.Connections.ConnectionSecretUnreadableException)
                {
                    Failed(logger, ex);
                    wait = TimeSpan.FromSeconds(5);
                }

                await _queued.WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            deliveries.Queued -= OnQueued;
        }
    }

    public override void Dispose()
    {
        _queued.Dispose();
        base.Dispose();
    }

    private void OnQueued(object? sender, EventArgs e) => _queued.Release();

    [LoggerMessage(1, LogLevel.Error, "Outbound deliveries could not be read or recorded; trying again shortly")]
    private static partial void Failed(ILogger logger, Exception exception);
}
