using System.Security.Cryptography;
using System.Text;

namespace Ashbridge.Core.Webhooks;

/// <summary>What the <c>Ashby-Signature</c> header says about a delivery.</summary>
public enum SignatureCheck
{
    /// <summary>HMAC-SHA256 of the raw body with the connection's Secret Token.</summary>
    Valid,

    /// <summary>No signature: the webhook in Ashby has no Secret Token, or the request is not from Ashby.</summary>
    Missing,

    /// <summary>A signature that does not match: a wrong Secret Token in Ashby, or a forgery.</summary>
    Forged,
}

/// <summary>
/// Ashby's webhook signature: <c>Ashby-Signature: sha256=&lt;lowercase hex HMAC-SHA256 of the raw body&gt;</c>, keyed
/// with the Secret Token. Checked on the bytes as received, before any parsing, in constant time.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header Ashby signs with.</summary>
    public const string Header = "Ashby-Signature";

    /// <summary>Checks <paramref name="header"/> against <paramref name="body"/>.</summary>
    public static SignatureCheck Check(string secret, ReadOnlySpan<byte> body, string? header)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(header)) return SignatureCheck.Missing;
        var at = header.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0 || !header.AsSpan(0, at).Trim().Equals("sha256", StringComparison.OrdinalIgnoreCase)) return SignatureCheck.Forged;

        Span<byte> given = stackalloc byte[32];
        var hex = header.AsSpan(at + 1).Trim();
        if (hex.Length != 64 || Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return SignatureCheck.Forged;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Forged;
    }

    /// <summary>The header value for <paramref name="body"/>, as Ashby would send it.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, mac);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
