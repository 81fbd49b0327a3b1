namespace Ashbridge.Ashby.Tests.JobPostings;

public class JobPostingsClientTests
{
    [Fact]
    public async Task List_returns_summaries_without_paging()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[" + Fixture.Text("api/jobPosting.json") + "]", ""","moreDataAvailable":false"""));
        using var client = TestClient.Create(server);

        var postings = await client.JobPostings.ListAsync(new JobPostingListRequest { ListedOnly = true, Department = "Engineering" }, cancellationToken: TestClient.Ct);

        postings.Single().ApplyLink.ShouldNotBeNull();
        postings.Single().ExtensionData!.ShouldContainKey("descriptionHtml");
        server.Requests.Single().Body.ShouldBe("""{"department":"Engineering","listedOnly":true}""");
    }

    [Fact]
    public async Task Info_reads_descriptions_address_and_compensation()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/jobPosting.json")));
        using var client = TestClient.Create(server);

        var p = await client.JobPostings.InfoAsync(new JobPostingInfoRequest { JobPostingId = "jp-1" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Body.ShouldBe("""{"jobPostingId":"jp-1"}""");
        p.DescriptionParts!.DescriptionOpening!.Plain.ShouldBe("Hi");
        p.DescriptionParts.DescriptionClosing.ShouldBeNull();
        p.Address!.PostalAddress!.PostalCode.ShouldBe("10115");
        p.Compensation!.CompensationTiers!.Single().Title.ShouldBe("Base");
        p.LinkedData!.Value.GetProperty("@type").GetString().ShouldBe("JobPosting");
        p.TeamNameHierarchy.ShouldBe(["Engineering", "Platform"]);
        p.ExtensionData.ShouldBeNull();
    }
}
