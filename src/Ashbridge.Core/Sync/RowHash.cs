using System.IO.Hashing;

namespace Ashbridge.Core.Sync;

/// <summary>
/// The hash of a row's JSON that tells a changed row from an unchanged one: XXH3's 64-bit hash with seed 0
/// (<see cref="XxHash3"/>), stored as a signed 64-bit integer. Mirrors written before keep their hashes: the hub's own
/// XXH3 that this replaces gave the same values (<c>RowHashTests</c> pins them).
/// </summary>
internal static class RowHash
{
    /// <summary>The hash of <paramref name="json"/>, as the mirror stores it.</summary>
    public static long Of(ReadOnlySpan<byte> json) => unchecked((long)XxHash3.HashToUInt64(json));
}
