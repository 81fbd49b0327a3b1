using System.Text;
using System.Text.Json;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;

namespace Ashbridge.Core.Tests.NewHires;

public sealed class NewHireRulesTests
{
    [Theory]
    [InlineData("Ada Lovelace", "Ada", "Lovelace")]
    [InlineData("Mary Ann Evans", "Mary Ann", "Evans")]
    [InlineData("Ludwig van Beethoven", "Ludwig", "van Beethoven")]
    [InlineData("Juan de la Cruz", "Juan", "de la Cruz")]
    [InlineData("  Cher ", "Cher", null)]
    [InlineData("", null, null)]
    public void A_name_splits_into_first_and_last_keeping_particles_with_the_last(string name, string? first, string? last) =>
        NameSplitter.Split(name).ShouldBe((first, last));

    [Theory]
    [InlineData("Sr Software Engineer", "Sr. Software Engineer")]
    [InlineData("engineering", "Engineering")]
    [InlineData("Enginering", "Engineering")]
    [InlineData("Engineering", null)]
    [InlineData("Finance", null)]
    public void Values_that_differ_only_slightly_from_what_members_use_get_a_suggestion(string value, string? suggestion) =>
        ValueMatcher.Suggest(value, ["Sr. Software Engineer", "Engineering", "Marketing"]).ShouldBe(suggestion);

    [Theory]
    [InlineData("""{"id":"f","title":"Bonus","value":{"currencyCode":"EUR","value":1500}}""", MemberFieldType.Money, "1500.00 EUR", null)]
    [InlineData("""{"id":"f","title":"Shares","value":500}""", MemberFieldType.Money, "500.00 USD", null)]
    [InlineData("""{"id":"f","title":"Shares","value":"lots"}""", MemberFieldType.Number, null, "is 'lots', which is not a number")]
    [InlineData("""{"id":"f","title":"Level","value":"l3","valueLabel":"Level 3"}""", MemberFieldType.Text, "Level 3", null)]
    [InlineData("""{"id":"f","title":"Langs","value":["en","de"],"valueLabel":["English","German"]}""", MemberFieldType.Text, "English, German", null)]
    [InlineData("""{"id":"f","title":"Start","value":"2027-01-15T00:00:00.000Z"}""", MemberFieldType.Date, "2027-01-15", null)]
    [InlineData("""{"id":"f","title":"Remote","value":true}""", MemberFieldType.Boolean, "true", null)]
    [InlineData("""{"id":"f","title":"Remote","value":"maybe"}""", MemberFieldType.Boolean, null, "is 'maybe', which is not yes or no")]
    public void Custom_field_values_convert_by_the_member_fields_type(string json, MemberFieldType type, string? value, string? error)
    {
        using var field = JsonDocument.Parse(json);
        CustomFieldValues.Convert(field.RootElement, type, "USD").ShouldBe((value, error));
    }

    [Fact]
    public void The_outbound_signature_covers_the_time_and_the_body_and_refuses_old_or_altered_deliveries()
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var body = Encoding.UTF8.GetBytes("""{"id":1}""");
        var header = OutboundSignature.Sign("whsec_x", now.ToUnixTimeSeconds(), body);
        header.ShouldStartWith($"t={now.ToUnixTimeSeconds()},v1=");
        OutboundSignature.Verify("whsec_x", header, body, now, TimeSpan.FromMinutes(5)).ShouldBeTrue();
        OutboundSignature.Verify("whsec_x", header, Encoding.UTF8.GetBytes("""{"id":2}"""), now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        OutboundSignature.Verify("whsec_x", header, body, now.AddMinutes(10), TimeSpan.FromMinutes(5)).ShouldBeFalse();
        OutboundSignature.Verify("whsec_x", null, body, now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
    }
}
