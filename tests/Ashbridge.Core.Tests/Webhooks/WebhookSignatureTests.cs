using System.Security.Cryptography;
using System.Text;
using Ashbridge.Core.Webhooks;

namespace Ashbridge.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "s3cret-token";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"webhookActionId":"a1","action":"ping","data":{"webhookActionType":"ping"}}""");

    [Fact]
    public void Ashbys_signature_is_the_lowercase_hex_hmac_sha256_of_the_raw_body()
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        WebhookSignature.Sign(Secret, Body).ShouldBe(expected);
        WebhookSignature.Check(Secret, Body, expected).ShouldBe(SignatureCheck.Valid);
        WebhookSignature.Check(Secret, Body, expected.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)).ShouldBe(SignatureCheck.Valid);
    }

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("sha256=00", SignatureCheck.Forged)]
    [InlineData("sha1=abc", SignatureCheck.Forged)]
    [InlineData("not a signature", SignatureCheck.Forged)]
    [InlineData("sha256=zz8f3d4c5b6a79808f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a2918", SignatureCheck.Forged)]
    public void A_missing_or_malformed_header_is_refused(string? header, SignatureCheck expected) =>
        WebhookSignature.Check(Secret, Body, header).ShouldBe(expected);

    [Fact]
    public void Another_secret_or_a_changed_byte_is_forged()
    {
        var signature = WebhookSignature.Sign(Secret, Body);
        var changed = (byte[])Body.Clone();
        changed[^2] ^= 0x20;

        WebhookSignature.Check("another-secret", Body, signature).ShouldBe(SignatureCheck.Forged);
        WebhookSignature.Check(Secret, changed, signature).ShouldBe(SignatureCheck.Forged);
    }
}
