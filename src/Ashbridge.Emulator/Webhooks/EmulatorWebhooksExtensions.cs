using Ashbridge.Emulator.Faults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>Registers the emulator's webhook delivery and maps its control routes.</summary>
public static class EmulatorWebhooksExtensions
{
    /// <summary>Registers the one singleton behind <see cref="IWebhookPublisher"/> and <see cref="IWebhookRegistry"/>.</summary>
    /// <remarks>Also registers the fault injector (shared with <c>AddEmulatorFaults</c>): it decides duplicate and reordered deliveries.</remarks>
    /// <exception cref="FormatException">The options' fault profile is invalid.</exception>
    public static IServiceCollection AddEmulatorWebhooks(this IServiceCollection services, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddFaultInjector(options);
        services.TryAddSingleton(WebhookDeliveryOptions.From(options));
        services.TryAddSingleton(sp => new WebhookDispatcher(
            sp.GetRequiredService<WebhookDeliveryOptions>(),
            sp.GetRequiredService<FaultInjector>(),
            options.TimeProvider,
            sp.GetService<ILoggerFactory>()?.CreateLogger<WebhookDispatcher>() ?? NullLogger<WebhookDispatcher>.Instance));
        services.TryAddSingleton<IWebhookPublisher>(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.TryAddSingleton<IWebhookRegistry>(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    /// <summary>Maps <c>GET /_emulator/webhooks</c>, <c>GET /_emulator/webhooks/deliveries</c> and <c>POST /_emulator/webhooks/flush</c>.</summary>
    public static IEndpointRouteBuilder MapEmulatorWebhookControl(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var dispatcher = endpoints.ServiceProvider.GetService<WebhookDispatcher>()
            ?? throw new InvalidOperationException("MapEmulatorWebhookControl needs the webhook services: call services.AddEmulatorWebhooks(options) first.");
        WebhookControlEndpoints.Map(endpoints, dispatcher);
        return endpoints;
    }
}
