using System.Text.Json;

namespace Ashbridge.Ashby.Tests.Candidates;

public class CandidatesClientTests
{
    [Fact]
    public async Task Info_sends_id_not_candidateId_and_reads_the_full_candidate()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/candidate.json")));
        using var client = TestClient.Create(server);

        var c = await client.Candidates.InfoAsync(new CandidateInfoRequest { Id = "5b591aed" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/candidate.info");
        server.Requests.Single().Body.ShouldBe("""{"id":"5b591aed"}""");
        c.Name.ShouldBe("Ada Lovelace");
        c.PrimaryEmailAddress!.IsPrimary.ShouldBeTrue();
        c.EmailAddresses.Select(e => e.Type).ShouldBe([ContactType.Personal, ContactType.Work]);
        c.PhoneNumbers.Single().Value.ShouldBe("+44 20 7946 0000");
        c.SocialLinks.Select(s => s.Type).ShouldBe([SocialLinkType.LinkedIn, "Mastodon"]);
        c.Tags.Single().Title.ShouldBe("Referral");
        c.ApplicationIds.ShouldBe(["a-1", "a-2"]);
        c.ResumeFileHandle!.Handle.ShouldBe("eyJoYW5kbGUiOiJmLTEifQ");
        c.Source!.SourceType!.Title.ShouldBe("Inbound");
        c.CreditedToUser!.GlobalRole.ShouldBe(GlobalRole.ElevatedAccess);
        c.Location!.LocationComponents!.Select(l => l.Type).ShouldBe([CandidateLocationComponentType.City, CandidateLocationComponentType.Country]);
        c.FraudStatus.ShouldBe("SomethingAshbyAddedLater");
        c.CreatedAt.ShouldBe(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        c.ExtensionData!.ShouldContainKey("brandNewField");
    }

    [Fact]
    public async Task Info_by_external_mapping_id_sends_only_that()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/candidate.json")));
        using var client = TestClient.Create(server);

        await client.Candidates.InfoAsync(new CandidateInfoRequest { ExternalMappingId = "hris-9" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Body.ShouldBe("""{"externalMappingId":"hris-9"}""");
    }

    [Fact]
    public async Task Create_sends_website_and_update_sends_websiteUrl()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/candidate.json")), Ok(Fixture.Text("api/candidate.json")));
        using var client = TestClient.Create(server);

        await client.Candidates.CreateAsync(new CandidateCreateRequest
        {
            Name = "Ada Lovelace",
            Email = "ada@example.com",
            Website = "https://ada.example",
            AlternateEmailAddresses = ["ada@work.example"],
            Location = new CandidateLocationInput { City = "London", Country = "United Kingdom" },
        }, cancellationToken: TestClient.Ct);
        await client.Candidates.UpdateAsync(new CandidateUpdateRequest
        {
            CandidateId = "c1",
            WebsiteUrl = "https://ada.example",
            AlternateEmail = "ada@work.example",
            SendNotifications = false,
        }, cancellationToken: TestClient.Ct);

        var create = server.Requests[0].Json;
        server.Requests[0].Path.ShouldBe("/candidate.create");
        create.GetProperty("website").GetString().ShouldBe("https://ada.example");
        create.TryGetProperty("websiteUrl", out _).ShouldBeFalse();
        create.GetProperty("alternateEmailAddresses")[0].GetString().ShouldBe("ada@work.example");
        create.GetProperty("location").GetProperty("city").GetString().ShouldBe("London");
        create.GetProperty("location").TryGetProperty("region", out _).ShouldBeFalse();
        var update = server.Requests[1].Json;
        server.Requests[1].Path.ShouldBe("/candidate.update");
        update.GetProperty("websiteUrl").GetString().ShouldBe("https://ada.example");
        update.TryGetProperty("website", out _).ShouldBeFalse();
        update.GetProperty("alternateEmail").GetString().ShouldBe("ada@work.example");
        update.GetProperty("sendNotifications").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Search_returns_the_array_directly()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[" + Fixture.Text("api/candidate.json") + "]"));
        using var client = TestClient.Create(server);

        var found = await client.Candidates.SearchAsync(new CandidateSearchRequest { Email = "ada@example.com" }, cancellationToken: TestClient.Ct);

        found.Single().Name.ShouldBe("Ada Lovelace");
        server.Requests.Single().Body.ShouldBe("""{"email":"ada@example.com"}""");
    }

    [Fact]
    public async Task List_sends_createdAfter_in_milliseconds()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("[]", more: false));
        using var client = TestClient.Create(server);

        await client.Candidates.ListAsync(new CandidateListRequest
        {
            CreatedAfter = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            CreatedBefore = DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123),
        }, cancellationToken: TestClient.Ct);

        var body = server.Requests.Single().Json;
        body.GetProperty("createdAfter").ValueKind.ShouldBe(JsonValueKind.Number);
        body.GetProperty("createdAfter").GetInt64().ShouldBe(1_767_225_600_000);
        body.GetProperty("createdBefore").GetInt64().ShouldBe(1_780_000_000_123);
    }

    [Fact]
    public async Task Custom_field_values_have_typed_accessors()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/candidate.json")));
        using var client = TestClient.Create(server);

        var fields = (await client.Candidates.InfoAsync(new CandidateInfoRequest { Id = "x" }, cancellationToken: TestClient.Ct)).CustomFields!.ToDictionary(f => f.Id);

        fields["cf-1"].TryGetNumber(out var weeks).ShouldBeTrue();
        weeks.ShouldBe(4m);
        fields["cf-1"].TryGetString(out _).ShouldBeFalse();
        fields["cf-2"].TryGetCurrency(out var salary).ShouldBeTrue();
        salary!.CurrencyCode.ShouldBe("GBP");
        salary.Value.ShouldBe(85000m);
        fields["cf-3"].TryGetStrings(out var skills).ShouldBeTrue();
        skills.ShouldBe(["math", "poetry"]);
        fields["cf-3"].GetValueLabels().ShouldBe(["Mathematics", "Poetry"]);
        fields["cf-4"].TryGetDateOnly(out var from).ShouldBeTrue();
        from.ShouldBe(new DateOnly(2026, 6, 1));
        fields["cf-5"].TryGetBoolean(out var relocate).ShouldBeTrue();
        relocate.ShouldBeTrue();
        fields["cf-6"].TryGetString(out var level).ShouldBeTrue();
        level.ShouldBe("senior");
        fields["cf-6"].GetValueLabels().ShouldBe(["Senior"]);
        fields["cf-7"].TryGetRange(out var range).ShouldBeTrue();
        range.ShouldBe(new CustomFieldRange("compensation-range", 80000m, 95000m, "GBP", CompensationInterval.Every1Year));
        fields["cf-8"].IsEmpty.ShouldBeTrue();
        fields["cf-8"].TryGetBoolean(out _).ShouldBeFalse();
    }
}
