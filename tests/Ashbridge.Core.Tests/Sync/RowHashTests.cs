using System.IO.Hashing;
using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>The row hash is XXH3-64 exactly, so hashes stored before it stay comparable.</summary>
public sealed class RowHashTests
{
    [Fact]
    public void Every_length_hashes_as_xxh3_does()
    {
        // Every length up to past four blocks covers each branch and each way a long input ends (whole blocks, part
        // stripes, a last stripe overlapping the one before); a few large ones cover many blocks.
        var random = new Random(20261202);
        var bytes = new byte[200_010];
        random.NextBytes(bytes);
        var lengths = Enumerable.Range(0, 4_500).Concat([8_191, 8_192, 65_537, 200_003]);

        foreach (var length in lengths)
        {
            var input = bytes.AsSpan(random.Next(0, 7), length); // not always aligned
            RowHash.Of(input).ShouldBe(unchecked((long)XxHash3.HashToUInt64(input)), $"length {length}");
        }
    }

    [Fact]
    public void A_change_of_one_byte_anywhere_in_a_row_changes_its_hash()
    {
        var row = """{"id":"c-1","name":"Ada Lovelace","emailAddresses":[{"value":"ada@example.com"}],"updatedAt":"2026-12-02T08:00:00.000Z"}"""u8.ToArray();
        var before = RowHash.Of(row);
        for (var i = 0; i < row.Length; i++)
        {
            row[i] ^= 1;
            RowHash.Of(row).ShouldNotBe(before, $"byte {i}");
            row[i] ^= 1;
        }

        RowHash.Of(row).ShouldBe(before);
    }
}
