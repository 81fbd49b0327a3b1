using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync.Scheduling;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Ashbridge.Core.Tests.OpenRoles;

/// <summary>The 6-hourly import on the hub's Quartz schedule: real scheduler, the hub's container, a real emulator.</summary>
public sealed class OpenRoleScheduleTests
{
    /// <summary>A cron that never fires during a test, so the connection's own passes stay out of the way.</summary>
    private const string Never = "0 0 0 1 1 ? 2099";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_connection_imports_its_open_roles_every_six_hours_recorded_as_scheduled_and_removal_unschedules()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 5, Size = "small" }, ct: Ct);
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        await using var services = new ServiceCollection().AddLogging().AddAshbridgeMirror(test.Database).AddAshbridgeScheduler().BuildServiceProvider();
        var store = services.GetRequiredService<ConnectionStore>();
        await store.AddAsync("acme", emulator.BaseUrl, emulator.DemoApiKey, Ct);
        var connection = await store.SetScheduleAsync("acme", null, Never, Ct);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        await scheduler.Start(Ct);
        try
        {
            await services.GetRequiredService<SyncSchedule>().ScheduleAsync(connection, Ct);

            var trigger = (ISimpleTrigger)(await scheduler.GetTrigger(OpenRoleImportJob.TriggerFor(connection.Id), Ct)).ShouldNotBeNull();
            trigger.RepeatInterval.ShouldBe(TimeSpan.FromHours(6));
            trigger.JobKey.ShouldBe(OpenRoleImportJob.JobFor(connection.Id));
            trigger.StartTimeUtc.ShouldBeGreaterThan(DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.NowMs()).AddHours(5.9));

            // What the tick runs: a pass of jobs, postings and openings, then an import recorded as the schedule's.
            await scheduler.TriggerJob(OpenRoleImportJob.JobFor(connection.Id), Ct);
            var imports = services.GetRequiredService<OpenRoleImports>();
            var import = await Eventually.ValueAsync(() => imports.FindLatestAsync(connection.Id, Ct), i => i is not null, TimeSpan.FromMinutes(1), "the scheduled import");
            import!.Trigger.ShouldBe("schedule");
            import.Succeeded.ShouldBeTrue(import.Error);
            import.New.ShouldBeGreaterThan(0);
            (await services.GetRequiredService<OpenRoleCatalog>().ListAsync(connection.Id, cancellationToken: Ct)).Count.ShouldBe(import.New);

            await services.GetRequiredService<SyncSchedule>().UnscheduleAsync(connection.Id, Ct);
            (await scheduler.GetTrigger(OpenRoleImportJob.TriggerFor(connection.Id), Ct)).ShouldBeNull();
        }
        finally
        {
            await scheduler.Shutdown(true, CancellationToken.None);
        }
    }
}
