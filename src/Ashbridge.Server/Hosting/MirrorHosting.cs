using Ashbridge.Core;
using Ashbridge.Core.Storage;
using Quartz;

namespace Ashbridge.Server.Hosting;

/// <summary>The mirror in the hub: the database, the connections, and Quartz running every connection's passes.</summary>
public static class MirrorHosting
{
    /// <summary>The database setting: a SQLite path or a PostgreSQL connection string; else <c>ASHBRIDGE_DATABASE</c>; else the default file.</summary>
    public const string DatabaseKey = "Ashbridge:Database";

    /// <summary>Where the key ring lives beside a PostgreSQL database (a SQLite file keeps it in its own folder).</summary>
    public const string DataFolderKey = "Ashbridge:DataFolder";

    /// <summary>Opens (and migrates) the database, then registers the mirror, the scheduler and the start-up scheduling.</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be opened; the message says which and why.</exception>
    public static async Task<IHostApplicationBuilder> AddAshbridgeMirrorAsync(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var setting = builder.Configuration[DatabaseKey];
        var dataFolder = builder.Configuration[DataFolderKey] is { Length: > 0 } folder ? folder : null;
        var location = setting is { Length: > 0 } ? DatabaseLocation.Parse(setting, dataFolder) : DatabaseLocation.FromEnvironment();
        // Only the default data folder is created; a configured path in a missing folder is a mistake to report.
        if (setting is { Length: > 0 } || Environment.GetEnvironmentVariable(DatabaseLocation.EnvironmentVariable) is { Length: > 0 }) location.ThrowIfSqliteFolderMissing();
        var database = await AshbridgeDatabase.OpenAsync(location);
        builder.Services.AddAshbridgeMirror(database).AddAshbridgeScheduler();
        builder.Services.AddSingleton<Connections.ConnectionAdmin>();
        builder.Services.AddSingleton<Webhooks.WebhookSignal>();
        builder.Services.AddHostedService<Webhooks.WebhookProcessing>();
        builder.Services.AddSingleton<Webhooks.ConnectionDirectory>();
        builder.Services.AddSingleton<Webhooks.WebhookDeliveryCap>();
        builder.Services.AddSingleton<Webhooks.WebhookWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Webhooks.WebhookWriter>());
        builder.Services.AddHostedService<WalCheckpointing>();
        builder.Services.AddHostedService<ConnectionScheduling>();
        // Registered after the scheduling above, so the scheduler starts with every connection's triggers in place.
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
