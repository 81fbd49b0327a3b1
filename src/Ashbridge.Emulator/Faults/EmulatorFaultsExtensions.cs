using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Emulator.Faults;

/// <summary>Registers the emulator's fault injection and maps its control routes.</summary>
public static class EmulatorFaultsExtensions
{
    /// <summary>Registers the fault profile parsed from <see cref="EmulatorOptions.FaultProfile"/>.</summary>
    public static IServiceCollection AddEmulatorFaults(this IServiceCollection services, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    /// <summary>Adds the fault middleware for the Ashby surface (never <c>/_emulator/</c>).</summary>
    public static IApplicationBuilder UseEmulatorFaults(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }

    /// <summary>Maps <c>GET</c>/<c>PUT</c>/<c>POST /_emulator/faults</c>.</summary>
    public static IEndpointRouteBuilder MapEmulatorFaultControl(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
