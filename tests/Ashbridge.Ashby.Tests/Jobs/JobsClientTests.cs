namespace Ashbridge.Ashby.Tests.Jobs;

public class JobsClientTests
{
    private const string Job = """{"id":"j1","title":"Engineer","confidential":false,"status":"Open","employmentType":"FullTime","updatedAt":"2026-01-01T00:00:00.000Z","compensation":{"compensationTiers":[{"id":"t1","title":"Base","components":[{"x":1}],"tierSummary":"$1"}]}}""";

    [Fact]
    public async Task List_sends_status_as_an_array()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("[" + Job + "]", more: false, syncToken: "t"));
        using var client = TestClient.Create(server);

        var page = await client.Jobs.ListAsync(new JobListRequest { Status = [JobStatus.Draft, JobStatus.Open], OpenedAfter = DateTimeOffset.FromUnixTimeMilliseconds(1000) }, cancellationToken: TestClient.Ct);

        page.Results.Single().Compensation!.CompensationTiers!.Single().TierSummary.ShouldBe("$1");
        var body = server.Requests.Single().Json;
        body.GetProperty("status").GetArrayLength().ShouldBe(2);
        body.GetProperty("status")[0].GetString().ShouldBe("Draft");
        body.GetProperty("openedAfter").GetInt64().ShouldBe(1000);
    }

    [Fact]
    public async Task Info_sends_id()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Job));
        using var client = TestClient.Create(server);

        var job = await client.Jobs.InfoAsync(new JobInfoRequest { Id = "j1" }, cancellationToken: TestClient.Ct);

        job.Title.ShouldBe("Engineer");
        server.Requests.Single().Body.ShouldBe("""{"id":"j1"}""");
    }

    [Fact]
    public async Task Search_sends_title_and_requisition_id_and_returns_the_array()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[" + Job + "]"), Ok("[]"));
        using var client = TestClient.Create(server);

        var byTitle = await client.Jobs.SearchAsync(new JobSearchRequest { Title = "Engineer" }, cancellationToken: TestClient.Ct);
        var none = await client.Jobs.SearchAsync(new JobSearchRequest { Title = "Engineer", RequisitionId = "REQ-1" }, cancellationToken: TestClient.Ct);

        byTitle.Single().Id.ShouldBe("j1");
        none.ShouldBeEmpty();
        server.Requests.Select(r => (r.Path, r.Body)).ShouldBe([
            ("/job.search", """{"title":"Engineer"}"""),
            ("/job.search", """{"title":"Engineer","requisitionId":"REQ-1"}"""),
        ]);
    }

    [Fact]
    public async Task Search_maps_invalid_input()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("invalid_input", "Give title or requisitionId"));
        using var client = TestClient.Create(server);

        await Should.ThrowAsync<AshbyInvalidInputException>(() => client.Jobs.SearchAsync(new JobSearchRequest(), cancellationToken: TestClient.Ct));

        server.Requests.Single().Body.ShouldBe("{}");
    }
}
