using System.Text;
using Ashbridge.Ashby.Webhooks;

namespace Ashbridge.Ashby.Tests.Webhooks;

public class AshbyWebhookEnvelopeTests
{
    [Theory]
    [InlineData("applicationUpdate")]
    [InlineData("candidateHire")]
    [InlineData("candidateMerge")]
    public void The_envelope_of_a_documented_payload_is_its_action_and_id(string action)
    {
        var bytes = Fixture.Bytes($"webhooks/{action}.json");

        var envelope = AshbyWebhookEnvelope.Read(bytes);

        var parsed = AshbyWebhookEvent.Parse(bytes);
        envelope.ShouldBe(new AshbyWebhookEnvelope(parsed.Action, parsed.WebhookActionId));
        envelope.Action.ShouldBe(action);
    }

    [Fact]
    public void The_fields_may_come_in_any_order_around_any_data_and_the_id_may_be_missing()
    {
        AshbyWebhookEnvelope.Read(Utf8("""{"data":{"a":[1,{"action":"nested"}]},"webhookActionId":"w1","action":"offerCreate"}"""))
            .ShouldBe(new AshbyWebhookEnvelope("offerCreate", "w1"));
        AshbyWebhookEnvelope.Read(Utf8("""{"action":"ping","data":{"webhookActionType":"ping"}}""")).ShouldBe(new AshbyWebhookEnvelope("ping", null));
        AshbyWebhookEnvelope.Read(Utf8("""{"action":"ping","webhookActionId":42}""")).WebhookActionId.ShouldBeNull(); // not a string: no id
    }

    [Theory]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"webhookActionId":"w1","data":{}}""", "no action")]
    [InlineData("""{"action":"  "}""", "no action")]
    [InlineData("""{"action":7}""", "no action")]
    [InlineData("""{"action":"ping","data":{"x":}}""", "not JSON")]
    [InlineData("""{"action":"ping"} {}""", "not JSON")]
    [InlineData("""{"action":"\uD800"}""", "not text")]
    [InlineData("", "not JSON")]
    public void A_body_that_is_no_envelope_is_refused_with_what_is_wrong(string body, string reason) =>
        Should.Throw<FormatException>(() => AshbyWebhookEnvelope.Read(Utf8(body))).Message.ShouldContain(reason);

    [Fact]
    public void An_object_id_in_data_is_read_without_deserialising_it()
    {
        var merge = AshbyWebhookEvent.Parse(Utf8("""{"action":"candidateMerge","webhookActionId":"w","data":{"deletedCandidate":{"id":"c1"},"mergedCandidate":{"id":""},"job":"x"}}"""));

        merge.GetDataObjectId("deletedCandidate").ShouldBe("c1");
        merge.GetDataObjectId("mergedCandidate").ShouldBeNull(); // empty is no id
        merge.GetDataObjectId("job").ShouldBeNull(); // not an object
        merge.GetDataObjectId("offer").ShouldBeNull();
    }

    [Fact]
    public void An_object_id_in_data_is_read_from_the_bytes_as_the_parsed_event_reads_it()
    {
        var body = Utf8("""{"action":"candidateMerge","data":{"job":"x","deletedCandidate":{"name":{"id":"no"},"id":"c1"},"mergedCandidate":{"id":""}},"webhookActionId":"w"}""");
        var parsed = AshbyWebhookEvent.Parse(body);

        foreach (var property in new[] { "deletedCandidate", "mergedCandidate", "job", "offer" })
        {
            AshbyWebhookEnvelope.ReadDataObjectId(body, property).ShouldBe(parsed.GetDataObjectId(property), property);
        }

        AshbyWebhookEnvelope.ReadDataObjectId(Utf8("""{"action":"offerDelete","data":[{"offer":{"id":"o1"}}]}"""), "offer").ShouldBeNull(); // data not an object
        AshbyWebhookEnvelope.ReadDataObjectId(Utf8("""{"action":"offerDelete","data":{"offer":{"id":7}}}"""), "offer").ShouldBeNull(); // not a string
        Should.Throw<FormatException>(() => AshbyWebhookEnvelope.ReadDataObjectId(Utf8("""{"action":"offerDelete","data":{"offer":"""), "offer"));
    }

    [Theory]
    [InlineData("applicationUpdate", "application")]
    [InlineData("candidateHire", "application")]
    [InlineData("candidateMerge", "deletedCandidate")]
    [InlineData("candidateMerge", "mergedCandidate")]
    public void The_object_ids_of_documented_payloads_are_read_as_the_parsed_event_reads_them(string action, string property)
    {
        var bytes = Fixture.Bytes($"webhooks/{action}.json");

        AshbyWebhookEnvelope.ReadDataObjectId(bytes, property).ShouldBe(AshbyWebhookEvent.Parse(bytes).GetDataObjectId(property));
        AshbyWebhookEnvelope.ReadDataObjectId(bytes, property).ShouldNotBeNull();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
