using Ashbridge.Core.Queues;

namespace Ashbridge.Server.Hosting;

/// <summary>Runs Core's durable queues in the hub: one hosted <see cref="QueueRunner{TQueue}"/> per queue.</summary>
public static class QueueHosting
{
    /// <summary>Runs <typeparamref name="TQueue"/>'s loop (<see cref="QueueLoop"/>) while the hub runs; the queue itself is registered by Core.</summary>
    public static IServiceCollection AddQueueRunner<TQueue>(this IServiceCollection services) where TQueue : class, IQueueProcessor
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService<QueueRunner<TQueue>>();
        return services;
    }
}

/// <summary>Hosts one durable queue's background loop; everything it does is Core's <see cref="QueueLoop"/>.</summary>
public sealed class QueueRunner<TQueue>(TQueue queue, TimeProvider time, ILogger<QueueLoop> logger) : BackgroundService
    where TQueue : class, IQueueProcessor
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => new QueueLoop(queue, time, logger).RunAsync(stoppingToken);
}
