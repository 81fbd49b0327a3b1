using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ashbridge.Emulator.Faults;

/// <summary>Registers the emulator's fault injection and maps its control routes.</summary>
public static class EmulatorFaultsExtensions
{
    /// <summary>Registers the fault profile parsed from <see cref="EmulatorOptions.FaultProfile"/>.</summary>
    /// <exception cref="FormatException">The profile is invalid; the message names the bad part.</exception>
    public static IServiceCollection AddEmulatorFaults(this IServiceCollection services, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddFaultInjector(options);
        return services;
    }

    /// <summary>Adds the fault middleware for the Ashby surface (never <c>/_emulator/</c>); call it before mapping endpoints.</summary>
    public static IApplicationBuilder UseEmulatorFaults(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var faults = RequireInjector(app.ApplicationServices, nameof(UseEmulatorFaults));
        return app.Use(next => new FaultMiddleware(next, faults).InvokeAsync);
    }

    /// <summary>Maps <c>GET</c>/<c>PUT</c>/<c>POST /_emulator/faults</c>.</summary>
    public static IEndpointRouteBuilder MapEmulatorFaultControl(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        FaultControlEndpoints.Map(endpoints, RequireInjector(endpoints.ServiceProvider, nameof(MapEmulatorFaultControl)));
        return endpoints;
    }

    /// <summary>The one injector shared by the middleware and webhook delivery; parsing here makes a bad spec fail at start.</summary>
    internal static IServiceCollection AddFaultInjector(this IServiceCollection services, EmulatorOptions options)
    {
        var profile = FaultProfileParser.Parse(options.FaultProfile);
        services.TryAddSingleton(new FaultInjector(profile, options.Seed, options.TimeProvider));
        return services;
    }

    private static FaultInjector RequireInjector(IServiceProvider services, string caller) =>
        services.GetService<FaultInjector>()
        ?? throw new InvalidOperationException($"{caller} needs the fault services: call services.AddEmulatorFaults(options) first.");
}
