using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ashbridge.Core.Sync;

/// <summary>
/// The hash of a row's JSON that tells a changed row from an unchanged one: XXH3's 64-bit hash with seed 0, the same
/// value as <c>System.IO.Hashing.XxHash3.HashToUInt64</c>, so mirrors written before keep their hashes.
/// </summary>
/// <remarks>
/// Why not that package: it is not compiled ahead, and its vectorised loop ran unoptimised (tier 0) for much of a full
/// pass while the runtime worked through its queue of methods to recompile, a cost a pass has no CPU to spare for
/// (measured twice: docs/benchmarks/mirror.md). This scalar form is compiled fully optimised on its first call.
/// </remarks>
internal static class RowHash
{
    private const ulong Prime32_1 = 0x9E3779B1;
    private const ulong Prime32_2 = 0x85EBCA77;
    private const ulong Prime32_3 = 0xC2B2AE3D;
    private const ulong Prime64_1 = 0x9E3779B185EBCA87;
    private const ulong Prime64_2 = 0xC2B2AE3D27D4EB4F;
    private const ulong Prime64_3 = 0x165667B19E3779F9;
    private const ulong Prime64_4 = 0x85EBCA77C2B2AE63;
    private const ulong Prime64_5 = 0x27D4EB2F165667C5;
    private const ulong PrimeMx1 = 0x165667919E3779F9;
    private const ulong PrimeMx2 = 0x9FB21C651E98DF25;

    private const int StripeLength = 64;
    private const int SecretConsumeRate = 8;
    private const int StripesPerBlock = (192 - StripeLength) / SecretConsumeRate;
    private const int BlockLength = StripeLength * StripesPerBlock;

    /// <summary>XXH3's default secret.</summary>
    private static ReadOnlySpan<byte> Secret =>
    [
        0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
        0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
        0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
        0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
        0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
        0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
        0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
        0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
        0xea, 0xc5, 0xac, 0x83, 0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
        0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26, 0x29, 0xd4, 0x68, 0x9e,
        0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc, 0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce,
        0x45, 0xcb, 0x3a, 0x8f, 0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
    ];

    /// <summary>The hash of <paramref name="json"/>, as the mirror stores it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Of(ReadOnlySpan<byte> json)
    {
        var length = (uint)json.Length;
        var hash = length switch
        {
            0 => Avalanche64(Read64(Secret, 56) ^ Read64(Secret, 64)),
            <= 3 => Length1To3(json, length),
            <= 8 => Length4To8(json, length),
            <= 16 => Length9To16(json, length),
            <= 128 => Length17To128(json, length),
            <= 240 => Length129To240(json, length),
            _ => LengthOver240(json, length),
        };
        return unchecked((long)hash);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Length1To3(ReadOnlySpan<byte> p, uint length)
    {
        var combined = ((uint)p[0] << 16) | ((uint)p[(int)(length >> 1)] << 24) | p[(int)length - 1] | (length << 8);
        var bitflip = (ulong)(Read32(Secret, 0) ^ Read32(Secret, 4));
        return Avalanche64(combined ^ bitflip);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Length4To8(ReadOnlySpan<byte> p, uint length)
    {
        var input1 = Read32(p, 0);
        var input2 = Read32(p, (int)length - 4);
        var bitflip = Read64(Secret, 8) ^ Read64(Secret, 16);
        var keyed = (input2 + ((ulong)input1 << 32)) ^ bitflip;
        keyed ^= ulong.RotateLeft(keyed, 49) ^ ulong.RotateLeft(keyed, 24);
        keyed *= PrimeMx2;
        keyed ^= (keyed >> 35) + length;
        keyed *= PrimeMx2;
        return keyed ^ (keyed >> 28);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Length9To16(ReadOnlySpan<byte> p, uint length)
    {
        var low = Read64(p, 0) ^ Read64(Secret, 24) ^ Read64(Secret, 32);
        var high = Read64(p, (int)length - 8) ^ Read64(Secret, 40) ^ Read64(Secret, 48);
        var accumulator = length + BinaryPrimitives.ReverseEndianness(low) + high + MultiplyFold(low, high);
        return Avalanche(accumulator);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Length17To128(ReadOnlySpan<byte> p, uint length)
    {
        var n = (int)length;
        var accumulator = length * Prime64_1;
        if (n > 32)
        {
            if (n > 64)
            {
                if (n > 96)
                {
                    accumulator += Mix16(p, 48, 96) + Mix16(p, n - 64, 112);
                }

                accumulator += Mix16(p, 32, 64) + Mix16(p, n - 48, 80);
            }

            accumulator += Mix16(p, 16, 32) + Mix16(p, n - 32, 48);
        }

        accumulator += Mix16(p, 0, 0) + Mix16(p, n - 16, 16);
        return Avalanche(accumulator);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Length129To240(ReadOnlySpan<byte> p, uint length)
    {
        var n = (int)length;
        var accumulator = length * Prime64_1;
        for (var i = 0; i < 8; i++) accumulator += Mix16(p, 16 * i, 16 * i);
        accumulator = Avalanche(accumulator);
        for (var i = 8; i < n / 16; i++) accumulator += Mix16(p, 16 * i, (16 * (i - 8)) + 3);
        accumulator += Mix16(p, n - 16, 136 - 17);
        return Avalanche(accumulator);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong LengthOver240(ReadOnlySpan<byte> p, uint length)
    {
        // The eight accumulators as locals and unchecked reads: kept in registers, the loop hashes several GB a second.
        ulong a0 = Prime32_3, a1 = Prime64_1, a2 = Prime64_2, a3 = Prime64_3, a4 = Prime64_4, a5 = Prime32_2, a6 = Prime64_5, a7 = Prime32_1;
        ref var input = ref MemoryMarshal.GetReference(p);
        ref var secret = ref MemoryMarshal.GetReference(Secret);
        var n = (int)length;
        var blocks = (n - 1) / BlockLength;
        for (var block = 0; block <= blocks; block++)
        {
            // Whole blocks end with a scramble; the part block after them has only as many stripes as it fills.
            var stripes = block < blocks ? StripesPerBlock : (n - 1 - (BlockLength * blocks)) / StripeLength;
            for (var stripe = 0; stripe < stripes; stripe++)
            {
                Stripe(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, ref Unsafe.Add(ref input, (block * BlockLength) + (stripe * StripeLength)), ref Unsafe.Add(ref secret, stripe * SecretConsumeRate));
            }

            if (block < blocks)
            {
                ref var key = ref Unsafe.Add(ref secret, 192 - StripeLength);
                a0 = Scramble(a0, Load(ref key, 0));
                a1 = Scramble(a1, Load(ref key, 8));
                a2 = Scramble(a2, Load(ref key, 16));
                a3 = Scramble(a3, Load(ref key, 24));
                a4 = Scramble(a4, Load(ref key, 32));
                a5 = Scramble(a5, Load(ref key, 40));
                a6 = Scramble(a6, Load(ref key, 48));
                a7 = Scramble(a7, Load(ref key, 56));
            }
        }

        Stripe(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, ref Unsafe.Add(ref input, n - StripeLength), ref Unsafe.Add(ref secret, 192 - StripeLength - 7));
        var result = length * Prime64_1;
        result += MultiplyFold(a0 ^ Read64(Secret, 11), a1 ^ Read64(Secret, 19));
        result += MultiplyFold(a2 ^ Read64(Secret, 27), a3 ^ Read64(Secret, 35));
        result += MultiplyFold(a4 ^ Read64(Secret, 43), a5 ^ Read64(Secret, 51));
        result += MultiplyFold(a6 ^ Read64(Secret, 59), a7 ^ Read64(Secret, 67));
        return Avalanche(result);
    }

    /// <summary>One 64-byte stripe: each lane adds its neighbour's input and its own keyed product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Stripe(ref ulong a0, ref ulong a1, ref ulong a2, ref ulong a3, ref ulong a4, ref ulong a5, ref ulong a6, ref ulong a7, ref byte input, ref byte secret)
    {
        Lane(ref a0, ref a1, Load(ref input, 0), Load(ref secret, 0));
        Lane(ref a1, ref a0, Load(ref input, 8), Load(ref secret, 8));
        Lane(ref a2, ref a3, Load(ref input, 16), Load(ref secret, 16));
        Lane(ref a3, ref a2, Load(ref input, 24), Load(ref secret, 24));
        Lane(ref a4, ref a5, Load(ref input, 32), Load(ref secret, 32));
        Lane(ref a5, ref a4, Load(ref input, 40), Load(ref secret, 40));
        Lane(ref a6, ref a7, Load(ref input, 48), Load(ref secret, 48));
        Lane(ref a7, ref a6, Load(ref input, 56), Load(ref secret, 56));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lane(ref ulong self, ref ulong neighbour, ulong value, ulong secret)
    {
        var key = value ^ secret;
        neighbour += value;
        self += (key & 0xFFFFFFFF) * (key >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Scramble(ulong accumulator, ulong secret) => (accumulator ^ (accumulator >> 47) ^ secret) * Prime32_1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load(ref byte at, int offset)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix16(ReadOnlySpan<byte> p, int at, int secretAt) =>
        MultiplyFold(Read64(p, at) ^ Read64(Secret, secretAt), Read64(p, at + 8) ^ Read64(Secret, secretAt + 8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyFold(ulong a, ulong b)
    {
        var high = Math.BigMul(a, b, out var low);
        return low ^ high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Avalanche(ulong h)
    {
        h ^= h >> 37;
        h *= PrimeMx1;
        return h ^ (h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Avalanche64(ulong h)
    {
        h ^= h >> 33;
        h *= Prime64_2;
        h ^= h >> 29;
        h *= Prime64_3;
        return h ^ (h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ReadOnlySpan<byte> bytes, int at) =>
        BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(at, sizeof(ulong)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Read32(ReadOnlySpan<byte> bytes, int at) =>
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at, sizeof(uint)));
}
