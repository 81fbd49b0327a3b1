namespace Ashbridge.Emulator.Api;

/// <summary>Request ids shaped like Ashby's: 26 Crockford base32 characters, a millisecond timestamp then a counter (ULID layout).</summary>
internal static class RequestIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static long _counter;

    public static string Next(TimeProvider time)
    {
        var ms = (ulong)time.GetUtcNow().ToUnixTimeMilliseconds();
        var low = (ulong)Interlocked.Increment(ref _counter) * 0x9E3779B97F4A7C15;
        Span<char> chars = stackalloc char[26];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(ms & 31)];
            ms >>= 5;
        }

        for (var i = 25; i >= 10; i--)
        {
            chars[i] = Alphabet[(int)(low & 31)];
            low >>= 5;
        }

        return new string(chars);
    }
}
