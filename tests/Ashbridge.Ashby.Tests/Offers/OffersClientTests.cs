namespace Ashbridge.Ashby.Tests.Offers;

public class OffersClientTests
{
    [Fact]
    public async Task Info_reads_versions_salary_and_the_start_date_as_a_calendar_date()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/offer.json")));
        using var client = TestClient.Create(server);

        var offer = await client.Offers.InfoAsync(new OfferInfoRequest { OfferId = "off-1" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Body.ShouldBe("""{"offerId":"off-1"}""");
        offer.OfferStatus.ShouldBe(OfferStatus.CandidateAccepted);
        offer.LatestVersion!.Salary.ShouldNotBeNull();
        offer.LatestVersion.Salary.CurrencyCode.ShouldBe("EUR");
        offer.LatestVersion.Salary.Value.ShouldBe(72000.5m);
        offer.LatestVersion.GetStartDate().ShouldBe(new DateOnly(2026, 6, 1));
        offer.LatestVersion.CustomFields!.Single().TryGetCurrency(out var bonus).ShouldBeTrue();
        bonus.ShouldNotBeNull();
        bonus.Value.ShouldBe(5000m);
        var versions = offer.Versions.ShouldNotBeNull();
        versions.Select(v => v.ApprovalStatus).ShouldBe([null, OfferApprovalStatus.Approved]);
        versions[0].GetStartDate().ShouldBe(new DateOnly(2026, 5, 15));
    }

    [Fact]
    public void A_start_date_sent_with_an_offset_keeps_its_UTC_calendar_day()
    {
        var version = new OfferVersion { Id = "v", CreatedAt = default, StartDate = DateTimeOffset.Parse("2026-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(-8)) };

        version.GetStartDate().ShouldBe(new DateOnly(2026, 6, 1));
        new OfferVersion { Id = "v", CreatedAt = default }.GetStartDate().ShouldBeNull();
    }

    [Fact]
    public async Task List_sends_filter_arrays()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("[" + Fixture.Text("api/offer.json") + "]", more: false));
        using var client = TestClient.Create(server);

        await client.Offers.ListAsync(new OfferListRequest { AcceptanceStatus = [OfferAcceptanceStatus.Accepted], ApplicationId = "a-1" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Body.ShouldBe("""{"acceptanceStatus":["Accepted"],"applicationId":"a-1"}""");
    }
}
