using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Sync.Scheduling;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>The hub's Quartz schedule: real scheduler, real engine, a real emulator over HTTP.</summary>
public sealed class SyncScheduleTests
{
    /// <summary>A cron that never fires during a test, so only "sync now" runs passes.</summary>
    private const string Never = "0 0 0 1 1 ? 2099";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_now_runs_a_pass_and_two_at_once_run_one_after_the_other(DatabaseProvider provider)
    {
        await using var world = await World.StartAsync(provider);
        var connection = await world.Store.SetScheduleAsync("acme", null, Never, Ct);
        await world.Schedule.ScheduleAsync(connection, Ct);

        await world.Schedule.SyncNowAsync(connection.Id, SyncMode.Full, Ct);
        await world.Schedule.SyncNowAsync(connection.Id, SyncMode.Incremental, Ct);
        var runs = await world.FinishedRunsAsync(2);

        runs.Select(r => (r.RequestedMode, r.Trigger, r.Outcome)).ShouldBe([("full", "manual", "succeeded"), ("incremental", "manual", "succeeded")]);
        runs[1].StartedMs.ShouldBeGreaterThanOrEqualTo(runs[0].FinishedMs!.Value); // queued behind the first, never beside it
        (await world.ScalarAsync("SELECT COUNT(*) FROM mirror_candidates")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_failed_pass_is_a_failed_job_execution_for_Quartz_and_a_failed_run_in_the_history()
    {
        await using var world = await World.StartAsync(DatabaseProvider.Sqlite);
        var refused = await world.Store.AddAsync("refused", world.BaseUrl, "emu_not_a_key_the_emulator_knows", Ct);
        refused = await world.Store.SetScheduleAsync("refused", null, Never, Ct);
        var executions = new ExecutionListener();
        (await world.Scheduler()).ListenerManager.AddJobListener(executions); // no matcher: every job
        await world.Schedule.ScheduleAsync(refused, Ct);

        await world.Schedule.SyncNowAsync(refused.Id, SyncMode.Incremental, Ct);
        var failure = await executions.Failure.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);

        failure.ShouldBeOfType<JobExecutionException>().Message.ShouldContain("run history");
        (await world.FinishedRunsAsync(1)).Single().Outcome.ShouldBe("failed");
    }

    [Fact]
    public async Task A_connection_gets_an_incremental_trigger_on_its_interval_and_a_daily_full_repair()
    {
        await using var world = await World.StartAsync(DatabaseProvider.Sqlite);
        var connection = await world.Store.SetScheduleAsync("acme", 7, null, Ct);

        await world.Schedule.ScheduleAsync(connection, Ct);

        var scheduler = await world.Scheduler();
        var incremental = (ISimpleTrigger)(await scheduler.GetTrigger(new TriggerKey($"connection-{connection.Id}-incremental", "sync"), Ct))!;
        incremental.RepeatInterval.ShouldBe(TimeSpan.FromMinutes(7));
        incremental.JobDataMap.GetString(ConnectionSyncJob.ModeKey).ShouldBe("incremental");
        var repair = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey($"connection-{connection.Id}-repair", "sync"), Ct))!;
        repair.CronExpressionString.ShouldBe(SyncSchedule.RepairCron);
        repair.JobDataMap.GetString(ConnectionSyncJob.ModeKey).ShouldBe("full");
    }

    [Fact]
    public async Task The_default_is_every_five_minutes_a_cron_replaces_it_and_removal_unschedules()
    {
        await using var world = await World.StartAsync(DatabaseProvider.Sqlite);
        var connection = (await world.Store.FindAsync("acme", Ct))!;
        var scheduler = await world.Scheduler();
        var key = new TriggerKey($"connection-{connection.Id}-incremental", "sync");

        await world.Schedule.ScheduleAsync(connection, Ct);
        ((ISimpleTrigger)(await scheduler.GetTrigger(key, Ct))!).RepeatInterval.ShouldBe(TimeSpan.FromMinutes(5));

        await world.Schedule.ScheduleAsync(await world.Store.SetScheduleAsync("acme", null, "0 */15 * * * ?", Ct), Ct);
        ((ICronTrigger)(await scheduler.GetTrigger(key, Ct))!).CronExpressionString.ShouldBe("0 */15 * * * ?");

        await world.Schedule.UnscheduleAsync(connection.Id, Ct);
        (await scheduler.GetTrigger(key, Ct)).ShouldBeNull();
        await Should.ThrowAsync<InvalidOperationException>(() => world.Schedule.SyncNowAsync(connection.Id, cancellationToken: Ct));
    }

    private sealed class World : IAsyncDisposable
    {
        private readonly TestDatabase _test;
        private readonly EmulatorHost _emulator;
        private readonly ServiceProvider _services;

        private World(TestDatabase test, EmulatorHost emulator, ServiceProvider services)
        {
            _test = test;
            _emulator = emulator;
            _services = services;
        }

        public ConnectionStore Store => _services.GetRequiredService<ConnectionStore>();

        public Uri BaseUrl => _emulator.BaseUrl;

        public SyncSchedule Schedule => _services.GetRequiredService<SyncSchedule>();

        public static async Task<World> StartAsync(DatabaseProvider provider)
        {
            var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 5, Size = "small" }, ct: Ct);
            var test = await TestDatabase.CreateAsync(provider, Ct);
            var services = new ServiceCollection().AddLogging().AddAshbridgeMirror(test.Database).AddAshbridgeScheduler().BuildServiceProvider();
            var world = new World(test, emulator, services);
            await world.Store.AddAsync("acme", emulator.BaseUrl, emulator.DemoApiKey, Ct);
            await (await world.Scheduler()).Start(Ct);
            return world;
        }

        public Task<IScheduler> Scheduler() => _services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct).AsTask();

        public async Task<long> ScalarAsync(string sql)
        {
            await using var connection = await _test.Database.ConnectAsync(Ct);
            return await connection.ExecuteScalarAsync<long>(sql);
        }

        /// <summary>Waits (polling the run history, up to a minute) until this many runs have finished.</summary>
        public async Task<IReadOnlyList<RunRow>> FinishedRunsAsync(int count)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            deadline.CancelAfter(TimeSpan.FromMinutes(1));
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (true)
            {
                await using (var connection = await _test.Database.ConnectAsync(Ct))
                {
                    var runs = (await connection.QueryAsync<RunRow>(
                        "SELECT requested_mode AS RequestedMode, trigger AS Trigger, outcome AS Outcome, started_ms AS StartedMs, finished_ms AS FinishedMs FROM sync_runs ORDER BY id")).ToList();
                    if (runs.Count(r => r.FinishedMs is not null) >= count) return runs;
                }

                await poll.WaitForNextTickAsync(deadline.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await (await Scheduler()).Shutdown(true, CancellationToken.None);
            await _services.DisposeAsync();
            await _test.DisposeAsync();
            await _emulator.DisposeAsync();
        }
    }

    internal sealed class RunRow
    {
        public string RequestedMode { get; set; } = "";

        public string Trigger { get; set; } = "";

        public string Outcome { get; set; } = "";

        public long StartedMs { get; set; }

        public long? FinishedMs { get; set; }
    }
}

/// <summary>Hears how Quartz saw each execution: the first one that failed completes <see cref="Failure"/>.</summary>
internal sealed class ExecutionListener : IJobListener
{
    public TaskCompletionSource<JobExecutionException> Failure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "test-executions";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is not null) Failure.TrySetResult(jobException);
        return ValueTask.CompletedTask;
    }
}
