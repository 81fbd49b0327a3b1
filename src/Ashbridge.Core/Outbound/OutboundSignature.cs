using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ashbridge.Core.Outbound;

/// <summary>
/// Signs outbound deliveries so a receiver can trust them: <c>Ashbridge-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>,
/// where v1 is HMAC-SHA256 with the endpoint's secret over <c>"&lt;t&gt;." + body</c>. The timestamp inside the MAC lets a
/// receiver refuse replays (we suggest five minutes of tolerance).
/// </summary>
public static class OutboundSignature
{
    public const string Header = "Ashbridge-Signature";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[t.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(t, signed);
        signed[t.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(t.Length + 1));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Checks a header in constant time, and that its time is within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null) return false;
        long? t = null;
        string? v1 = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) t = seconds;
            else if (part.StartsWith("v1=", StringComparison.Ordinal)) v1 = part[3..];
        }

        if (t is not { } time || v1 is null || Math.Abs(now.ToUnixTimeSeconds() - time) > tolerance.TotalSeconds) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, time, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes($"t={time},v1={v1}"));
    }
}
