using System.Threading.RateLimiting;
using Polly.RateLimiting;

namespace Ashbridge.Ashby.Tests.Transport;

/// <summary>
/// <see cref="AshbyClientOptions.RequestLimiter"/>: clients sharing one limiter share one budget. The server holds
/// each response until the test releases it, so concurrency is observed, not timed.
/// </summary>
public class RequestLimiterTests
{
    private const int Calls = 6;

    private static Task<IReadOnlyList<Source>> ListSources(AshbyClient client) => client.Sources.ListAsync(cancellationToken: TestClient.Ct);

    private static ScriptedResponse[] HeldOks(int count) => [.. Enumerable.Range(0, count).Select(_ => Ok("[]").HeldUntilReleased())];

    [Fact]
    public async Task Two_clients_sharing_a_one_permit_limiter_never_have_two_requests_in_flight()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(HeldOks(Calls));
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 1_000 });
        using var sync = TestClient.Create(server, o => o.RequestLimiter = limiter);
        using var features = TestClient.Create(server, o => o.RequestLimiter = limiter);

        var calls = Enumerable.Range(0, Calls).Select(i => ListSources(i % 2 == 0 ? sync : features)).ToList();
        for (var arrived = 1; arrived <= Calls; arrived++)
        {
            await server.WaitForRequestsAsync(arrived);
            server.ReleaseHeld();
        }

        await Task.WhenAll(calls);
        server.Requests.Count.ShouldBe(Calls);
        server.MaxConcurrentRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_limiter_the_same_calls_run_concurrently()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(HeldOks(Calls));
        using var sync = TestClient.Create(server);
        using var features = TestClient.Create(server);

        var calls = Enumerable.Range(0, Calls).Select(i => ListSources(i % 2 == 0 ? sync : features)).ToList();
        await server.WaitForRequestsAsync(Calls);
        server.ReleaseHeld(Calls);

        await Task.WhenAll(calls);
        server.MaxConcurrentRequests.ShouldBe(Calls);
    }

    [Fact]
    public async Task Each_retry_takes_its_own_permit()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(503, "<html>unavailable</html>", "text/html"), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var limiter = new CountingLimiter();
        using var client = TestClient.Create(server, o =>
        {
            o.RequestLimiter = limiter;
            o.TimeProvider = time;
            o.MaxRetries = 3;
        });

        var call = ListSources(client);
        await time.AdvancePastNextTimerAsync();
        (await call).ShouldBeEmpty();

        server.Requests.Count.ShouldBe(2);
        limiter.Acquired.ShouldBe(2);
        limiter.Released.ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_permit_surfaces_as_RateLimiterRejectedException_and_is_not_retried()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]").HeldUntilReleased(), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        using var client = TestClient.Create(server, o =>
        {
            o.RequestLimiter = limiter;
            o.TimeProvider = time;
            o.MaxRetries = 3;
        });

        var first = ListSources(client);
        await server.WaitForRequestsAsync(1);
        await Should.ThrowAsync<RateLimiterRejectedException>(() => ListSources(client));
        server.ReleaseHeld();
        await first;

        server.Requests.Count.ShouldBe(1);
        time.CreatedTimers.ShouldBeEmpty();
    }

    [Fact]
    public void Clones_and_clients_share_the_limiter_and_do_not_dispose_it()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        var options = new AshbyClientOptions { ApiKey = TestClient.ApiKey, RequestLimiter = limiter };

        options.Clone().RequestLimiter.ShouldBeSameAs(limiter);
        using (var client = new AshbyClient(options))
        {
            client.Options.RequestLimiter.ShouldBeSameAs(limiter);
        }

        using var lease = limiter.AttemptAcquire();
        lease.IsAcquired.ShouldBeTrue();
    }

    /// <summary>Grants every permit and counts acquisitions and returned leases.</summary>
    private sealed class CountingLimiter : RateLimiter
    {
        private int _acquired;
        private int _released;

        public int Acquired => Volatile.Read(ref _acquired);

        public int Released => Volatile.Read(ref _released);

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Increment(ref _acquired);
            return new Lease(this);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));

        private sealed class Lease(CountingLimiter owner) : RateLimitLease
        {
            private int _disposed;

            public override bool IsAcquired => true;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }

            protected override void Dispose(bool disposing)
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    Interlocked.Increment(ref owner._released);
                }

                base.Dispose(disposing);
            }
        }
    }
}
