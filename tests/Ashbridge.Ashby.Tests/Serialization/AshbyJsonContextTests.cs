using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ashbridge.Ashby.Tests.Serialization;

public class AshbyJsonContextTests
{
    [Fact]
    public void Unknown_fields_survive_a_round_trip()
    {
        var json = Fixture.Text("api/candidate.json");

        var candidate = JsonSerializer.Deserialize(json, AshbyJsonContext.Default.Candidate)!;
        var written = JsonSerializer.Serialize(candidate, AshbyJsonContext.Default.Candidate);

        var node = JsonNode.Parse(written)!;
        node["brandNewField"]!["nested"]!.AsArray().Count.ShouldBe(3);
        node["fraudStatus"]!.GetValue<string>().ShouldBe("SomethingAshbyAddedLater");
        node["customFields"]![6]!["value"]!["interval"]!.GetValue<string>().ShouldBe("1 YEAR");
        // Dates are rewritten in round-trip format and JSON nulls are omitted; everything else is stable.
        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize(written, AshbyJsonContext.Default.Candidate)!, AshbyJsonContext.Default.Candidate);
        again.ShouldBe(written);
    }

    [Fact]
    public void Unknown_nested_fields_survive_too()
    {
        const string json = """{"id":"o1","applicationId":"a1","acceptanceStatus":"SomethingNew","latestVersion":{"id":"v1","createdAt":"2026-01-01T00:00:00Z","newVersionField":[true]}}""";

        var offer = JsonSerializer.Deserialize(json, AshbyJsonContext.Default.Offer)!;

        offer.AcceptanceStatus.ShouldBe("SomethingNew");
        offer.LatestVersion!.ExtensionData!["newVersionField"][0].GetBoolean().ShouldBeTrue();
        JsonSerializer.Serialize(offer, AshbyJsonContext.Default.Offer).ShouldContain("\"newVersionField\":[true]");
    }

    [Fact]
    public void Unknown_enum_values_do_not_throw()
    {
        const string json = """{"id":"j","title":"T","confidential":true,"status":"Paused","employmentType":"Apprentice","updatedAt":"2026-01-01T00:00:00Z"}""";

        var job = JsonSerializer.Deserialize(json, AshbyJsonContext.Default.Job)!;

        job.Status.ShouldBe("Paused");
        job.EmploymentType.ShouldBe("Apprentice");
    }

    [Fact]
    public void Nulls_are_omitted_when_writing_requests()
    {
        var body = JsonSerializer.Serialize(new CandidateUpdateRequest { CandidateId = "c1", Name = "Ada" }, AshbyJsonContext.Default.CandidateUpdateRequest);

        body.ShouldBe("""{"candidateId":"c1","name":"Ada"}""");
    }

    [Fact]
    public void Request_extension_data_sends_parameters_the_client_does_not_model_yet()
    {
        var request = new JobInfoRequest { Id = "j1", ExtensionData = new Dictionary<string, JsonElement> { ["newFlag"] = JsonSerializer.SerializeToElement(true, AshbyJsonContext.Default.Boolean) } };

        JsonSerializer.Serialize(request, AshbyJsonContext.Default.JobInfoRequest).ShouldBe("""{"id":"j1","newFlag":true}""");
    }

    [Fact]
    public void A_missing_always_sent_field_is_a_JSON_error()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"title":"no id"}""", AshbyJsonContext.Default.HiringTeamRole));
    }

    [Fact]
    public void Date_times_keep_their_instant()
    {
        var user = JsonSerializer.Deserialize("""{"id":"u","firstName":"a","lastName":"b","globalRole":"Limited Access","isEnabled":false,"updatedAt":"2026-02-03T04:05:06.789Z"}""", AshbyJsonContext.Default.User)!;

        user.UpdatedAt.ShouldBe(new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero));
    }
}
