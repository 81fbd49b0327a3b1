using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Sync.Scheduling;
using Ashbridge.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Ashbridge.Core;

/// <summary>Registers the hub's core services over an opened database, for the server, the CLI and the tests alike.</summary>
public static class HubServiceCollectionExtensions
{
    /// <summary>Connections (keys encrypted beside the database), the shared clients, the sync engine and its façade.</summary>
    /// <param name="services">The services.</param>
    /// <param name="database">The opened database; the caller disposes it.</param>
    public static IServiceCollection AddAshbridgeMirror(this IServiceCollection services, AshbridgeDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(_ => SecretProtector.ForDataFolder(database.Location.DataFolder));
        services.AddSingleton(sp => new ConnectionStore(database, sp.GetRequiredService<SecretProtector>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AshbyClientPool(sp.GetRequiredService<ConnectionStore>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => new NewHireImporter(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMirrorObserver>(sp => sp.GetRequiredService<NewHireImporter>());
        services.AddSingleton(sp => new SyncEngine(database, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>(), sp.GetServices<IMirrorObserver>()));
        services.AddSingleton<SyncHistory>(_ => new SyncHistory(database));
        services.AddSingleton<ConnectionSync>();
        services.AddSingleton(sp => new UserStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TokenStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TokenUses>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton(sp => new SessionStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AuditLog(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => WebhookInbox.For(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WebhookRegistrar(database, sp.GetRequiredService<WebhookInbox>(), sp.GetRequiredService<AshbyClientPool>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WebhookProcessor(
            database, sp.GetRequiredService<WebhookInbox>(), sp.GetRequiredService<ConnectionStore>(), sp.GetRequiredService<AshbyClientPool>(),
            sp.GetRequiredService<SyncEngine>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<WebhookProcessor>>()));
        services.AddSingleton(_ => new MemberDirectory(database));
        services.AddSingleton(sp => new OutboundDeliveries(
            database, SecretProtector.ForDataFolder(database.Location.DataFolder, OutboundDeliveries.SecretPurpose), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new NewHireReview(
            database, sp.GetRequiredService<NewHireImporter>(), sp.GetRequiredService<OutboundDeliveries>(), sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The Quartz scheduler that runs every connection's passes (the hub adds its hosted service).</summary>
    public static IServiceCollection AddAshbridgeScheduler(this IServiceCollection services)
    {
        services.AddQuartz();
        services.AddSingleton<SyncSchedule>();
        return services;
    }
}
