namespace Ashbridge.Ashby.Tests.Openings;

public class OpeningsClientTests
{
    private const string Opening = """
        {"id":"o1","openedAt":"2026-01-05T00:00:00.000Z","closedAt":null,"isArchived":false,"archivedAt":null,"closeReasonId":null,"openingState":"Open",
         "latestVersion":{"id":"v1","identifier":"REQ-7","description":"Backend","authorId":"u1","createdAt":"2026-01-04T00:00:00.000Z","teamId":"d1",
           "jobIds":["j1"],"targetHireDate":"2026-03-01","targetStartDate":null,"isBackfill":false,"employmentType":"FullTime","locationIds":["l1"],
           "hiringTeam":[{"userId":"u1","role":"Recruiter"}],"customFields":[]}}
        """;

    [Fact]
    public async Task Info_sends_openingId_and_reads_the_latest_version()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Opening));
        using var client = TestClient.Create(server);

        var opening = await client.Openings.InfoAsync(new OpeningInfoRequest { OpeningId = "o1" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/opening.info");
        server.Requests.Single().Body.ShouldBe("""{"openingId":"o1"}""");
        opening.OpeningState.ShouldBe(OpeningState.Open);
        opening.LatestVersion!.Identifier.ShouldBe("REQ-7");
        opening.LatestVersion.JobIds.ShouldBe(["j1"]);
        opening.LatestVersion.HiringTeam!.Single().Role.ShouldBe("Recruiter");
    }

    [Fact]
    public async Task Info_maps_an_unknown_opening_to_not_found()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("opening_not_found"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyNotFoundException>(() => client.Openings.InfoAsync(new OpeningInfoRequest { OpeningId = "o9" }, cancellationToken: TestClient.Ct));

        ex.Endpoint.ShouldBe("opening.info");
    }

    [Fact]
    public async Task Search_sends_the_identifier_and_returns_the_array()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[" + Opening + "]"));
        using var client = TestClient.Create(server);

        var found = await client.Openings.SearchAsync(new OpeningSearchRequest { Identifier = "REQ-7" }, cancellationToken: TestClient.Ct);

        found.Single().Id.ShouldBe("o1");
        server.Requests.Single().Path.ShouldBe("/opening.search");
        server.Requests.Single().Body.ShouldBe("""{"identifier":"REQ-7"}""");
    }

    [Fact]
    public async Task Search_refuses_a_result_that_is_not_an_array()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Opening));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Openings.SearchAsync(new OpeningSearchRequest { Identifier = "REQ-7" }, cancellationToken: TestClient.Ct));

        ex.Endpoint.ShouldBe("opening.search");
    }
}
