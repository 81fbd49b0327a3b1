namespace Ashbridge.Ashby.Webhooks;

/// <summary>The outcome of <see cref="AshbyWebhookSignature.Verify"/>.</summary>
public enum AshbyWebhookSignatureResult
{
    /// <summary>The signature matches the body and secret.</summary>
    Valid = 0,

    /// <summary>No <c>Ashby-Signature</c> header was sent.</summary>
    Missing,

    /// <summary>The header is not <c>algorithm=hex</c> with a 64-digit hex digest.</summary>
    Malformed,

    /// <summary>The header names an algorithm other than <c>sha256</c>.</summary>
    UnsupportedAlgorithm,

    /// <summary>The digest does not match: wrong secret or altered body.</summary>
    Mismatch,
}
