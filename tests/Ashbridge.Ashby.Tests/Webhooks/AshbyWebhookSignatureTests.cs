using System.Security.Cryptography;
using System.Text;
using Ashbridge.Ashby.Webhooks;

namespace Ashbridge.Ashby.Tests.Webhooks;

public class AshbyWebhookSignatureTests
{
    private const string Secret = "whsec_0123456789abcdef";
    private static readonly byte[] Body = Fixture.Bytes("webhooks/applicationSubmit.json");

    [Fact]
    public void Sign_produces_sha256_and_the_lowercase_hex_HMAC_of_the_raw_body()
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        AshbyWebhookSignature.Sign(Body, Secret).ShouldBe(expected);
    }

    [Fact]
    public void A_signature_made_with_the_secret_is_valid()
    {
        AshbyWebhookSignature.Verify(Body, AshbyWebhookSignature.Sign(Body, Secret), Secret).ShouldBe(AshbyWebhookSignatureResult.Valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_header_is_Missing(string? header)
    {
        AshbyWebhookSignature.Verify(Body, header, Secret).ShouldBe(AshbyWebhookSignatureResult.Missing);
    }

    [Theory]
    [InlineData("abcdef")]
    [InlineData("sha256=")]
    [InlineData("sha256=xyz")]
    [InlineData("=0123")]
    [InlineData("sha256=0123456789abcdef")]
    [InlineData("sha256=zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_header_that_is_not_algorithm_equals_64_hex_digits_is_Malformed(string header)
    {
        AshbyWebhookSignature.Verify(Body, header, Secret).ShouldBe(AshbyWebhookSignatureResult.Malformed);
    }

    [Fact]
    public void Another_algorithm_is_UnsupportedAlgorithm()
    {
        var hex = AshbyWebhookSignature.Sign(Body, Secret)["sha256=".Length..];
        AshbyWebhookSignature.Verify(Body, "sha1=" + hex, Secret).ShouldBe(AshbyWebhookSignatureResult.UnsupportedAlgorithm);
    }

    [Fact]
    public void A_wrong_secret_is_a_Mismatch()
    {
        var header = AshbyWebhookSignature.Sign(Body, "another-secret");
        AshbyWebhookSignature.Verify(Body, header, Secret).ShouldBe(AshbyWebhookSignatureResult.Mismatch);
    }

    [Fact]
    public void A_tampered_body_is_a_Mismatch()
    {
        var header = AshbyWebhookSignature.Sign(Body, Secret);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;

        AshbyWebhookSignature.Verify(tampered, header, Secret).ShouldBe(AshbyWebhookSignatureResult.Mismatch);
    }

    [Fact]
    public void Reformatting_the_JSON_breaks_the_signature_because_the_raw_bytes_are_hashed()
    {
        var header = AshbyWebhookSignature.Sign(Body, Secret);
        var reserialized = Encoding.UTF8.GetBytes(System.Text.Json.JsonDocument.Parse(Body).RootElement.GetRawText().Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal));

        AshbyWebhookSignature.Verify(reserialized, header, Secret).ShouldBe(AshbyWebhookSignatureResult.Mismatch);
    }

    [Fact]
    public void Uppercase_hex_and_prefix_are_accepted_because_the_digest_is_compared_as_bytes()
    {
        var header = AshbyWebhookSignature.Sign(Body, Secret);
        var upper = "SHA256=" + header["sha256=".Length..].ToUpperInvariant();

        AshbyWebhookSignature.Verify(Body, upper, Secret).ShouldBe(AshbyWebhookSignatureResult.Valid);
    }

    [Fact]
    public void Surrounding_whitespace_in_the_header_is_tolerated()
    {
        var header = AshbyWebhookSignature.Sign(Body, Secret);
        AshbyWebhookSignature.Verify(Body, "  " + header + " ", Secret).ShouldBe(AshbyWebhookSignatureResult.Valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_secret_throws_because_unsigned_webhooks_are_never_accepted(string? secret)
    {
        Should.Throw<ArgumentException>(() => AshbyWebhookSignature.Verify(Body, "sha256=00", secret!));
        Should.Throw<ArgumentException>(() => AshbyWebhookSignature.Sign(Body, secret!));
    }

    [Fact]
    public void An_empty_body_can_be_signed_and_verified()
    {
        var header = AshbyWebhookSignature.Sign([], Secret);
        AshbyWebhookSignature.Verify([], header, Secret).ShouldBe(AshbyWebhookSignatureResult.Valid);
    }
}
