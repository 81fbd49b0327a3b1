namespace Ashbridge.Core.Storage;

/// <summary>The clock as the schema stores instants.</summary>
public static class TimeProviderExtensions
{
    /// <summary>Now, as Unix milliseconds (the <c>…_ms</c> columns).</summary>
    public static long NowMs(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToUnixTimeMilliseconds();
    }
}
