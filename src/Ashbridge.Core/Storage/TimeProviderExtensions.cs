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

    /// <summary>
    /// Now, cut to whole milliseconds as a <c>…_ms</c> column keeps it: a record a store returns after writing equals
    /// the one read back later.
    /// </summary>
    public static DateTimeOffset NowAsStored(this TimeProvider time) => DateTimeOffset.FromUnixTimeMilliseconds(time.NowMs());
}
