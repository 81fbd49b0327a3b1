using System.Globalization;
using System.Net.Http.Headers;

namespace Ashbridge.Ashby;

internal static class RetryAfter
{
    /// <summary>Reads <c>Retry-After</c> (delta-seconds or an HTTP date, relative to <paramref name="now"/>).</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        // A fractional "1.5" is not valid HTTP but costs nothing to honour.
        if (headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
