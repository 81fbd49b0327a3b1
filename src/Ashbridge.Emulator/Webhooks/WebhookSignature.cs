using System.Security.Cryptography;
using System.Text;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>Ashby's <c>Ashby-Signature</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the raw body.</summary>
/// <remarks>Written here rather than borrowed from the client library: the two must agree through Ashby's documented format only.</remarks>
internal static class WebhookSignature
{
    public const string HeaderName = "Ashby-Signature";

    /// <summary>The header value for <paramref name="body"/> signed with <paramref name="secretToken"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secretToken) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretToken), body));
}
