using System.Collections.Concurrent;

namespace Ashbridge.Emulator.Faults;

/// <summary>What the fault middleware does to one request, decided up front so the random draws happen in a fixed order.</summary>
/// <param name="RateLimited">Answer 429 and nothing else.</param>
/// <param name="RetryAfter">With <paramref name="RateLimited"/>: when the key will have a token again.</param>
/// <param name="Latency">Delay before anything else happens (zero for none).</param>
/// <param name="Drop">Abort the connection before any response byte.</param>
/// <param name="ServerError">500, 502 or 503 to answer instead of the endpoint; null to pass through.</param>
internal readonly record struct FaultDecision(bool RateLimited, TimeSpan RetryAfter, TimeSpan Latency, bool Drop, int? ServerError);

/// <summary>Counts of injected faults since the profile was last set, for <c>GET /_emulator/faults</c>.</summary>
internal sealed class FaultCounters
{
    private long _requests, _rateLimited, _delayed, _dropped, _serverErrors;

    public long Requests => Interlocked.Read(ref _requests);
    public long RateLimited => Interlocked.Read(ref _rateLimited);
    public long Delayed => Interlocked.Read(ref _delayed);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public void Count(FaultDecision decision)
    {
        Interlocked.Increment(ref _requests);
        if (decision.RateLimited) Interlocked.Increment(ref _rateLimited);
        if (decision.Latency > TimeSpan.Zero) Interlocked.Increment(ref _delayed);
        if (decision.Drop) Interlocked.Increment(ref _dropped);
        if (decision.ServerError is not null) Interlocked.Increment(ref _serverErrors);
    }
}

/// <summary>The current fault profile, switchable at runtime, and the seeded dice and per-key buckets that apply it.</summary>
/// <remarks>
/// Shared by the middleware (API faults) and webhook delivery (duplicates, reordering). Setting a profile resets the
/// dice to the seed and empties the buckets, so the same profile with the same request order repeats exactly.
/// </remarks>
internal sealed class FaultInjector
{
    private static readonly int[] ServerErrorStatuses = [500, 502, 503];

    private readonly int _seed;
    private readonly Lock _gate = new();
    private State _state;

    public FaultInjector(FaultProfile profile, int seed, TimeProvider time)
    {
        _seed = seed;
        Time = time;
        _state = new State(profile, new Random(seed));
    }

    /// <summary>The clock behind latency and rate limits.</summary>
    public TimeProvider Time { get; }

    /// <summary>The profile in force.</summary>
    public FaultProfile Profile => Volatile.Read(ref _state).Profile;

    /// <summary>Counts since the profile was set.</summary>
    public FaultCounters Counters => Volatile.Read(ref _state).Counters;

    /// <summary>Switches profile; the dice restart from the seed and every key gets a full bucket.</summary>
    public void SetProfile(FaultProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_gate) Volatile.Write(ref _state, new State(profile, new Random(_seed)));
    }

    /// <summary>Decides the fate of one Ashby request made with <paramref name="apiKey"/> (empty for none).</summary>
    public FaultDecision Decide(string apiKey)
    {
        var state = Volatile.Read(ref _state);
        var profile = state.Profile;
        FaultDecision decision;
        if (profile.RatePerSecond is { } rate
            && !state.Buckets.GetOrAdd(apiKey, _ => new TokenBucket(rate, profile.EffectiveBurst, Time)).TryTake(out var retryAfter))
        {
            decision = new FaultDecision(true, retryAfter, TimeSpan.Zero, false, null);
        }
        else
        {
            // One lock around all draws: concurrent requests must not interleave their draws, or the sequence stops repeating.
            lock (_gate)
            {
                var random = state.Random;
                var latency = profile.LatencyMax <= TimeSpan.Zero ? TimeSpan.Zero
                    : profile.LatencyMin + ((profile.LatencyMax - profile.LatencyMin) * random.NextDouble());
                var drop = profile.DropRate > 0 && random.NextDouble() < profile.DropRate;
                int? serverError = !drop && profile.ServerErrorRate > 0 && random.NextDouble() < profile.ServerErrorRate
                    ? ServerErrorStatuses[random.Next(ServerErrorStatuses.Length)]
                    : null;
                decision = new FaultDecision(false, TimeSpan.Zero, latency, drop, serverError);
            }
        }

        state.Counters.Count(decision);
        return decision;
    }

    private sealed record State(FaultProfile Profile, Random Random)
    {
        public ConcurrentDictionary<string, TokenBucket> Buckets { get; } = new(StringComparer.Ordinal);

        public FaultCounters Counters { get; } = new();
    }
}
