using Ashbridge.Core;
using Ashbridge.Core.Storage;
using Quartz;

namespace Ashbridge.Server.Hosting;

/// <summary>The mirror in the hub: the database and its migrator, the connections, and Quartz running every connection's passes.</summary>
public static class MirrorHosting
{
    /// <summary>The database setting: a SQLite path or a PostgreSQL connection string; else <c>ASHBRIDGE_DATABASE</c>; else the default file.</summary>
    public const string DatabaseKey = "Ashbridge:Database";

    /// <summary>Where the key ring lives beside a PostgreSQL database (a SQLite file keeps it in its own folder).</summary>
    public const string DataFolderKey = "Ashbridge:DataFolder";

    /// <summary>
    /// Registers the database (unopened), its migrator, the mirror, the scheduler and the start-up scheduling. Nothing
    /// is opened here: <see cref="DatabaseMigrator"/> opens and migrates the database when the host starts.
    /// </summary>
    /// <exception cref="FormatException">The database setting is not a usable location.</exception>
    public static IHostApplicationBuilder AddAshbridgeMirror(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var setting = builder.Configuration[DatabaseKey];
        var dataFolder = builder.Configuration[DataFolderKey] is { Length: > 0 } folder ? folder : null;
        var location = setting is { Length: > 0 } ? DatabaseLocation.Parse(setting, dataFolder) : DatabaseLocation.FromEnvironment();
        // Only the default data folder is created; a configured path in a missing folder is a mistake to report.
        var folderMustExist = setting is { Length: > 0 } || Environment.GetEnvironmentVariable(DatabaseLocation.EnvironmentVariable) is { Length: > 0 };
        // First of all hosted services, wherever this call stands among the Add… calls: nothing may start on an old schema.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrator>());
        // The folder is checked where the database is first resolved, at the start: whatever makes files beside the
        // database (the cookie key ring's key, the connections' key ring) resolves it first, so none can hide the mistake.
        builder.Services.AddAshbridgeMirror(_ =>
        {
            if (folderMustExist) location.ThrowIfSqliteFolderMissing();
            return AshbridgeDatabase.For(location);
        }).AddAshbridgeScheduler();
        builder.Services.AddQueueRunner<Core.Webhooks.WebhookProcessor>();
        builder.Services.AddQueueRunner<Core.Dedupe.Batches.DedupeBatchLoop>();
        builder.Services.AddSingleton<Webhooks.ConnectionDirectory>();
        builder.Services.AddSingleton<Webhooks.WebhookDeliveryCap>();
        builder.Services.AddHostedService<WalCheckpointing>();
        builder.Services.AddHostedService<ConnectionScheduling>();
        // Registered after the scheduling above, so the scheduler starts with every connection's triggers in place.
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
