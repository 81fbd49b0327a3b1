using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Ashbridge.Ashby.Webhooks;

/// <summary>
/// Ashby's webhook signature: <c>Ashby-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body keyed with the secret token&gt;</c>.
/// Works on the raw request bytes (never decode and re-encode the body) and compares in fixed time.
/// The hex digest is compared as bytes, so upper- and lowercase hex are both accepted (Ashby sends lowercase).
/// </summary>
public static class AshbyWebhookSignature
{
    /// <summary>The header Ashby sends the signature in.</summary>
    public const string HeaderName = "Ashby-Signature";

    /// <summary>The only algorithm Ashby uses.</summary>
    public const string Algorithm = "sha256";

    private const int DigestLength = 32;

    /// <summary>Verifies a webhook request.</summary>
    /// <param name="body">The raw request body bytes, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Ashby-Signature</c> header value, or <see langword="null"/> when absent.</param>
    /// <param name="secret">The webhook's secret token.</param>
    /// <returns>The verdict; only <see cref="AshbyWebhookSignatureResult.Valid"/> means the request is authentic.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty (an unsigned webhook is never accepted).</exception>
    public static AshbyWebhookSignatureResult Verify(ReadOnlySpan<byte> body, string? signatureHeader, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return AshbyWebhookSignatureResult.Missing;
        }

        var header = signatureHeader.AsSpan().Trim();
        var eq = header.IndexOf('=');
        if (eq <= 0)
        {
            return AshbyWebhookSignatureResult.Malformed;
        }

        if (!header[..eq].Trim().Equals(Algorithm, StringComparison.OrdinalIgnoreCase))
        {
            return AshbyWebhookSignatureResult.UnsupportedAlgorithm;
        }

        var hex = header[(eq + 1)..].Trim();
        Span<byte> received = stackalloc byte[DigestLength];
        if (hex.Length != DigestLength * 2
            || Convert.FromHexString(hex, received, out _, out var written) != OperationStatus.Done
            || written != DigestLength)
        {
            return AshbyWebhookSignatureResult.Malformed;
        }

        Span<byte> expected = stackalloc byte[DigestLength];
        Compute(body, secret, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received)
            ? AshbyWebhookSignatureResult.Valid
            : AshbyWebhookSignatureResult.Mismatch;
    }

    /// <summary>Signs a body as Ashby does (for tests and the emulator).</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="secret">The secret token.</param>
    /// <returns>The header value, <c>sha256=&lt;lowercase hex&gt;</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> digest = stackalloc byte[DigestLength];
        Compute(body, secret, digest);
        return Algorithm + "=" + Convert.ToHexStringLower(digest);
    }

    private static void Compute(ReadOnlySpan<byte> body, string secret, Span<byte> destination)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            HMACSHA256.HashData(key, body, destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
