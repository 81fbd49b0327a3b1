using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ashbridge.Emulator.Sync;

/// <summary>
/// Encodes cursors and sync tokens as opaque base64url strings: a small binary payload and a truncated HMAC-SHA256,
/// so a tampered or made-up token is detected. The HMAC key derives from the seed, so identical emulators issue
/// identical tokens (part of the byte-for-byte determinism).
/// </summary>
internal sealed class TokenCodec
{
    private const int MacLength = 16;
    private readonly byte[] _key;

    public TokenCodec(int seed) =>
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("ashby-emulator-token-key:" + seed.ToString(CultureInfo.InvariantCulture)));

    public string Encode(PageToken t)
    {
        var endpoint = Encoding.UTF8.GetBytes(t.Endpoint);
        var payload = new byte[1 + 1 + endpoint.Length + 4 + 8 + 4 + 8 + 8 + 4];
        var span = payload.AsSpan();
        span[0] = (byte)t.Kind;
        span[1] = (byte)endpoint.Length;
        endpoint.CopyTo(span[2..]);
        var at = 2 + endpoint.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], t.Epoch);
        BinaryPrimitives.WriteInt64LittleEndian(span[(at + 4)..], t.IssuedMs);
        BinaryPrimitives.WriteInt32LittleEndian(span[(at + 12)..], t.Position);
        BinaryPrimitives.WriteInt64LittleEndian(span[(at + 16)..], t.SinceSeq);
        BinaryPrimitives.WriteInt64LittleEndian(span[(at + 24)..], t.SnapshotSeq);
        BinaryPrimitives.WriteInt32LittleEndian(span[(at + 32)..], t.PageNumber);
        var mac = HMACSHA256.HashData(_key, payload);
        return Base64Url.EncodeToString([.. payload, .. mac.AsSpan(0, MacLength)]);
    }

    /// <summary>Decodes a token of the given kind issued for the given endpoint; null when it is garbage, tampered with or foreign.</summary>
    public PageToken? Decode(string text, TokenKind kind, string endpoint)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length < 2 + MacLength + 36) return null;
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var mac = HMACSHA256.HashData(_key, payload);
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, MacLength), bytes.AsSpan(bytes.Length - MacLength))) return null;
        if (payload[0] != (byte)kind || payload.Length != 2 + payload[1] + 36) return null;
        var name = Encoding.UTF8.GetString(payload.Slice(2, payload[1]));
        if (name != endpoint) return null;
        var at = 2 + payload[1];
        return new PageToken(
            kind,
            name,
            BinaryPrimitives.ReadInt32LittleEndian(payload[at..]),
            BinaryPrimitives.ReadInt64LittleEndian(payload[(at + 4)..]),
            BinaryPrimitives.ReadInt32LittleEndian(payload[(at + 12)..]),
            BinaryPrimitives.ReadInt64LittleEndian(payload[(at + 16)..]),
            BinaryPrimitives.ReadInt64LittleEndian(payload[(at + 24)..]),
            BinaryPrimitives.ReadInt32LittleEndian(payload[(at + 32)..]));
    }
}
