using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Sync.Scheduling;
using Ashbridge.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Ashbridge.Core;

/// <summary>
/// Registers the hub's core services over a database, for the server, the CLI and the tests alike: one call,
/// <c>AddAshbridgeMirror</c>, composed of one <c>AddHub…</c> method per area. Registration does no I/O; the
/// database is migrated by whoever starts the hub (the server's hosted migrator, a CLI command, a test fixture).
/// </summary>
public static class HubServiceCollectionExtensions
{
    /// <summary>Every area of the hub over <paramref name="database"/>, with the system clock unless a clock is already registered.</summary>
    /// <param name="services">The services.</param>
    /// <param name="database">The database (opened or not yet migrated); the caller disposes it.</param>
    public static IServiceCollection AddAshbridgeMirror(this IServiceCollection services, AshbridgeDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        return services.AddHubAreas();
    }

    /// <summary>
    /// Every area of the hub over the database <paramref name="database"/> returns when it is first needed (the host
    /// checks its location there, before anything can make files beside it); the container disposes it.
    /// </summary>
    public static IServiceCollection AddAshbridgeMirror(this IServiceCollection services, Func<IServiceProvider, AshbridgeDatabase> database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        return services.AddHubAreas();
    }

    private static IServiceCollection AddHubAreas(this IServiceCollection services)
    {
        // The one place the system clock is chosen; tests register a FakeTimeProvider first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseHealth>();
        return services
            .AddHubConnections()
            .AddHubAccess()
            .AddHubWebhooks()
            .AddHubNewHires()
            .AddHubOutbound()
            .AddHubNotices()
            .AddHubOpenRoles()
            .AddHubOrgChart()
            .AddHubDedupe()
            .AddHubUserDirectory()
            .AddHubExports()
            .AddHubDedupeBatches();
    }

    /// <summary>Connections (keys encrypted beside the database) and their administration, the shared Ashby clients, the sync engine, its history, and reads of the mirror.</summary>
    public static IServiceCollection AddHubConnections(this IServiceCollection services)
    {
        // A factory: the key ring's folder is a value of the database's location, not a service.
        services.AddSingleton(sp => SecretProtector.ForDataFolder(sp.GetRequiredService<AshbridgeDatabase>().Location.DataFolder));
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton<AshbyClientPool>();
        services.AddSingleton<SyncEngine>();
        services.AddSingleton<SyncHistory>();
        services.AddSingleton<ConnectionSync>();
        services.AddSingleton<MirrorReader>();
        services.AddSingleton<MirrorOverview>();
        services.AddSingleton<Overview.HubPulse>();
        // Without a scheduler (the CLI), adding and removing a connection schedules nothing; AddAshbridgeScheduler replaces it.
        services.TryAddSingleton<IConnectionSchedule, NoConnectionSchedule>();
        services.AddSingleton<ConnectionAdministration>();
        return services;
    }

    /// <summary>People, their sessions and API tokens, and the audit log.</summary>
    public static IServiceCollection AddHubAccess(this IServiceCollection services)
    {
        services.AddSingleton<UserStore>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<TokenUses>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<AuditLog>();
        return services;
    }

    /// <summary>
    /// The webhook inbox: its Secret Tokens, its intake, its queue and processor (the host runs the processor's loop),
    /// what it holds for the pages, and the registration of the hub's webhooks in Ashby.
    /// </summary>
    public static IServiceCollection AddHubWebhooks(this IServiceCollection services)
    {
        // A factory: the Secret Tokens have a key ring purpose of their own, unlike the connections' protector.
        services.AddSingleton(sp => WebhookSecrets.For(sp.GetRequiredService<AshbridgeDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WebhookBacklog>();
        services.AddSingleton<WebhookIntakeStore>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<WebhookRegistrar>();
        services.AddSingleton<ConnectionWebhooks>();
        services.AddSingleton<WebhookProcessor>();
        return services;
    }

    /// <summary>New hires found in the mirror (an observer of every sync), their review, and the member directory.</summary>
    public static IServiceCollection AddHubNewHires(this IServiceCollection services)
    {
        services.AddSingleton<NewHireImporter>();
        services.AddSingleton<IMirrorObserver>(sp => sp.GetRequiredService<NewHireImporter>());
        services.AddSingleton<NewHireReview>();
        services.AddSingleton<NewHireViews>();
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<MemberLifecycle>();
        return services;
    }

    /// <summary>Outbound webhook deliveries (the dispatcher that sends them is the host's: it needs an HTTP client).</summary>
    public static IServiceCollection AddHubOutbound(this IServiceCollection services)
    {
        // A factory: the deliveries' secrets have a key ring purpose of their own, unlike the connections' protector.
        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<AshbridgeDatabase>();
            return new OutboundDeliveries(
                database, SecretProtector.ForDataFolder(database.Location.DataFolder, OutboundDeliveries.SecretPurpose), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<Overview.HubOverview>(); // the home page's summary reads the outbound deliveries, the inbox, the mirror and the new hires
        return services;
    }

    /// <summary>
    /// The hub's notices (in the app and by e-mail through <see cref="Notices.SmtpOptions"/>, unset here: no e-mail until
    /// the host binds them), the open roles' import notices (an observer of every import), the staleness alert, and the
    /// public careers feed.
    /// </summary>
    public static IServiceCollection AddHubNotices(this IServiceCollection services)
    {
        services.AddOptions<Notices.SmtpOptions>();
        services.AddSingleton<Notices.NoticeBoard>();
        services.AddSingleton<Notices.NoticeMailer>();
        services.AddSingleton<Notices.Notifier>();
        services.AddSingleton<Notices.OpenRoleStaleness>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<OpenRoles.IOpenRoleImportObserver, Notices.OpenRoleImportNotices>());
        services.AddSingleton<Careers.CareersFeed>();
        return services;
    }

    /// <summary>Open roles kept from the mirror's job postings (an observer of every sync), their policy, imports and the careers feed.</summary>
    public static IServiceCollection AddHubOpenRoles(this IServiceCollection services)
    {
        services.AddSingleton<OpenRoles.OpenRoleCatalog>();
        services.AddSingleton<OpenRoles.OpenRolePolicy>();
        services.AddSingleton<OpenRoles.OpenRoleImporter>();
        services.AddSingleton<IMirrorObserver>(sp => sp.GetRequiredService<OpenRoles.OpenRoleImporter>());
        services.AddSingleton<OpenRoles.OpenRoleImports>();
        return services;
    }

    /// <summary>The org chart: people (members, Ashby users, imported), their managers, and where each open role sits.</summary>
    public static IServiceCollection AddHubOrgChart(this IServiceCollection services)
    {
        services.AddSingleton<OrgChart.OrgChartPeople>();
        services.AddSingleton<IMirrorObserver, OrgChart.OrgChartObserver>();
        services.AddSingleton<OrgChart.PeopleCsvImport>();
        services.AddSingleton<OrgChart.RolePlacements>();
        services.AddSingleton<OrgChart.OrgChartBuilder>();
        return services;
    }

    /// <summary>The duplicate check: its index of candidates' normalised keys (an observer of every sync) and the check itself.</summary>
    public static IServiceCollection AddHubDedupe(this IServiceCollection services)
    {
        services.AddSingleton<Dedupe.CandidateMatchIndex>();
        services.AddSingleton<IMirrorObserver>(sp => sp.GetRequiredService<Dedupe.CandidateMatchIndex>());
        services.AddSingleton<Dedupe.DuplicateCheck>();
        services.AddSingleton<Dedupe.DedupeSettingsStore>();
        services.AddSingleton<Dedupe.ProspectWrites>();
        return services;
    }

    /// <summary>
    /// The Ashby user directory (from the mirror, its changes recorded by an observer of every sync), the access review and
    /// its weekly e-mail, and hiring team changes.
    /// </summary>
    public static IServiceCollection AddHubUserDirectory(this IServiceCollection services)
    {
        services.AddSingleton<AshbyUsers.AshbyUserDirectory>();
        services.AddSingleton<AshbyUsers.UserChangeTracker>();
        services.AddSingleton<IMirrorObserver>(sp => sp.GetRequiredService<AshbyUsers.UserChangeTracker>());
        services.AddSingleton<AshbyUsers.AccessReview>();
        services.AddSingleton<AshbyUsers.AccessReviewDigest>();
        services.AddSingleton<AshbyUsers.HiringTeamWrites>();
        return services;
    }

    /// <summary>Hired-applicant exports: their definitions, the tokens bound to one of them, and their runs.</summary>
    public static IServiceCollection AddHubExports(this IServiceCollection services)
    {
        services.AddSingleton<Exports.ExportDefinitions>();
        services.AddSingleton<Exports.ExportTokens>();
        services.AddSingleton<Exports.ExportRunner>();
        return services;
    }

    /// <summary>Batch uploads of prospects: reading and planning files, the batches, and their runs (the host runs the queue's loop).</summary>
    public static IServiceCollection AddHubDedupeBatches(this IServiceCollection services)
    {
        services.AddSingleton<Dedupe.Batches.DedupeBatchPlanner>();
        services.AddSingleton<Dedupe.Batches.DedupeBatches>();
        services.AddSingleton<Dedupe.Batches.DedupeBatchRunner>();
        services.AddSingleton<Dedupe.Batches.DedupeBatchLoop>();
        return services;
    }

    /// <summary>The Quartz scheduler that runs every connection's passes (the hub adds its hosted service).</summary>
    public static IServiceCollection AddAshbridgeScheduler(this IServiceCollection services)
    {
        services.AddQuartz();
        services.AddSingleton<SyncSchedule>();
        // A factory only to hand out the one SyncSchedule under its interface too.
        services.Replace(ServiceDescriptor.Singleton<IConnectionSchedule>(sp => sp.GetRequiredService<SyncSchedule>()));
        return services;
    }
}
