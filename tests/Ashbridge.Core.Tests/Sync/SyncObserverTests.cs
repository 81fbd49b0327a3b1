using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Sync;

public sealed class SyncObserverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Observers_hear_of_the_streams_a_pass_changed_and_nothing_of_a_pass_that_changed_nothing()
    {
        await using var h = await SyncHarness.StartAsync(DatabaseProvider.Sqlite);
        var spy = new ObserverSpy();
        var engine = new SyncEngine(h.Database, h.Clock!, observers: [spy]);

        var first = await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Full, "test"), null, Ct);
        spy.Calls.Single().ShouldBe(first.Streams.Where(s => s.New > 0).Select(s => s.Stream), ignoreOrder: true);
        spy.Calls.Single().ShouldContain("candidates");

        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Incremental, "test"), null, Ct);
        spy.Calls.Count.ShouldBe(1); // Ashby had nothing new: no one is told

        var candidate = (await h.IdsAsync("SELECT id FROM mirror_candidates WHERE connection_id = @ConnectionId ORDER BY id LIMIT 1")).Single();
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.ControlAsync($"candidates/{candidate}/edit", new { company = "Initech" });
        await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Incremental, "test"), null, Ct);
        spy.Calls.Count.ShouldBe(2);
        spy.Calls[1].ShouldBe(["candidates"]);
    }

    [Fact]
    public async Task Streams_changed_before_the_pass_are_told_even_when_the_pass_changes_nothing()
    {
        await using var h = await SyncHarness.StartAsync(DatabaseProvider.Sqlite);
        var spy = new ObserverSpy();
        var engine = new SyncEngine(h.Database, h.Clock!, observers: [spy]);
        await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Full, "test"), null, Ct);

        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Incremental, "webhook", ["candidates", "applications"], ["offers"]), null, Ct);

        spy.Calls.Count.ShouldBe(2);
        spy.Calls[1].ShouldBe(["offers"]);
    }

    [Fact]
    public async Task An_observer_that_failed_hears_of_every_stream_of_the_next_pass()
    {
        await using var h = await SyncHarness.StartAsync(DatabaseProvider.Sqlite);
        var spy = new ObserverSpy { FailNext = true };
        var engine = new SyncEngine(h.Database, h.Clock!, observers: [spy]);
        var first = await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Full, "test"), null, Ct);
        first.Outcome.ShouldBe(SyncOutcome.Succeeded); // the observer's failure is its own, not the pass's

        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Incremental, "test", ["candidates", "jobs"]), null, Ct);
        spy.Calls.Count.ShouldBe(2);
        spy.Calls[1].ShouldBe(["candidates", "jobs"], ignoreOrder: true);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await engine.RunAsync(h.ConnectionId, "acme", h.Client, new SyncRequest(SyncMode.Incremental, "test", ["candidates", "jobs"]), null, Ct);
        spy.Calls.Count.ShouldBe(2); // caught up: back to being told of changes only
    }

    private sealed class ObserverSpy : IMirrorObserver
    {
        public List<string[]> Calls { get; } = [];

        public bool FailNext { get; set; }

        public Task MirrorChangedAsync(long connectionId, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
        {
            Calls.Add([.. streams]);
            if (!FailNext) return Task.CompletedTask;
            FailNext = false;
            throw new InvalidOperationException("The observer could not follow.");
        }
    }
}
