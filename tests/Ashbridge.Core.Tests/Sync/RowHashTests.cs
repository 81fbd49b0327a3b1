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

    /// <summary>
    /// Hashes mirrors already store, independent of any library: one length per branch of the
    /// algorithm (0, 1–3, 4–8, 9–16, 17–128, 129–240, and long inputs of whole and part blocks).
    /// </summary>
    [Theory]
    [InlineData(0, 3244421341483603138L)]
    [InlineData(1, -4302098779834749733L)]
    [InlineData(3, 3934096591390385657L)]
    [InlineData(4, 3335692817671477244L)]
    [InlineData(8, 6981066132736680434L)]
    [InlineData(9, -7167201512001939765L)]
    [InlineData(16, -8780269901234787216L)]
    [InlineData(17, -6162508379072125340L)]
    [InlineData(128, 292337556245193594L)]
    [InlineData(129, -1083999061435605507L)]
    [InlineData(240, -8444588428742182461L)]
    [InlineData(241, -9019606191021581246L)]
    [InlineData(1024, -3756013724208518116L)]
    [InlineData(2048, -1228237786624273330L)]
    [InlineData(8192, -5704791590864157593L)]
    [InlineData(100003, -8376421263900506829L)]
    public void Hashes_stored_before_stay_equal(int length, long stored)
    {
        RowHash.Of(Input(length)).ShouldBe(stored);
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

    /// <summary>Bytes 0, 31, 62, … (mod 251): the same input on every machine.</summary>
    internal static byte[] Input(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251))];
}
