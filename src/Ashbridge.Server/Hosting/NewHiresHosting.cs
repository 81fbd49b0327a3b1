using Ashbridge.Core.Outbound;

namespace Ashbridge.Server.Hosting;

/// <summary>New hires in the hub: the dispatcher that sends added members outward, run as a durable queue (<see cref="QueueHosting"/>).</summary>
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
        builder.Services.AddQueueRunner<OutboundDispatcher>();
        return builder;
    }
}
