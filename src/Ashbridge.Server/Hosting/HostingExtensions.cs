namespace Ashbridge.Server.Hosting;

/// <summary>Composition of the hub's services, kept out of Program.cs.</summary>
public static class HostingExtensions
{
    /// <summary>Binds and validates the connection options and runs the active connection's start-up check.</summary>
    public static IHostApplicationBuilder AddAshbridgeConnection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AshbyConnectionOptions>().BindConfiguration(AshbyConnectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ActiveConnection>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ActiveConnection>());
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: ["ready"])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return builder;
    }
}
