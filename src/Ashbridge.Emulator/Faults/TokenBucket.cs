namespace Ashbridge.Emulator.Faults;

/// <summary>One API key's request allowance: refills continuously at a rate, holds at most a burst.</summary>
/// <remarks>
/// Hand-rolled rather than System.Threading.RateLimiting's token bucket because that one replenishes from
/// Stopwatch ticks; this one reads the emulator's <see cref="TimeProvider"/>, so a FakeTimeProvider drives it in tests.
/// </remarks>
internal sealed class TokenBucket(double ratePerSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _lastRefill = time.GetTimestamp();

    /// <summary>Takes one token; when none is left, returns false and how long until one will be.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_lastRefill, now).TotalSeconds * ratePerSecond));
            _lastRefill = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
            return false;
        }
    }
}
