using System.Globalization;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>The list filters and expansions beyond the headline gotchas.</summary>
public class FilterTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Application_list_filters_by_job_and_expands_openings()
    {
        var job = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.First(j => !j["confidential"]!.GetValue<bool>());
        var rows = (await emulator.ReadAllAsync("application.list", $"\"jobId\":\"{job["id"]}\",\"expand\":[\"openings\"]")).Rows;
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(a => a["job"]!["id"]!.GetValue<string>() == job["id"]!.GetValue<string>());
        rows[0]["openings"]!.AsArray().Count.ShouldBeGreaterThan(0);
        (await emulator.CallAsync("application.list", """{"expand":["everything"]}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Offer_list_filters_by_acceptance_status_and_application()
    {
        var accepted = (await emulator.ReadAllAsync("offer.list", "\"acceptanceStatus\":[\"Accepted\"]")).Rows;
        accepted.ShouldNotBeEmpty();
        accepted.ShouldAllBe(o => o["acceptanceStatus"]!.GetValue<string>() == "Accepted");
        var one = (await emulator.ReadAllAsync("offer.list", $"\"applicationId\":\"{accepted[0]["applicationId"]}\"")).Rows;
        one.ShouldAllBe(o => o["applicationId"]!.GetValue<string>() == accepted[0]["applicationId"]!.GetValue<string>());
        (await emulator.CallAsync("offer.list", """{"offerStatus":["Maybe"]}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Job_list_filters_on_opened_and_closed_times_in_milliseconds()
    {
        var all = (await emulator.ReadAllAsync("job.list")).Rows;
        var closed = all.Where(j => j["closedAt"] != null).ToList();
        closed.ShouldNotBeEmpty();
        var pivot = closed.Select(j => DateTimeOffset.Parse(j["closedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()).Min();
        var after = (await emulator.ReadAllAsync("job.list", $"\"closedAfter\":{pivot - 1}")).Rows;
        after.Count.ShouldBe(closed.Count);
        var job = all[0];
        var info = await emulator.CallAsync("job.info", $$"""{"id":"{{job["id"]}}","expand":["location","openings"]}""");
        info.Result["location"]!["id"]!.GetValue<string>().ShouldBe(job["locationId"]!.GetValue<string>());
        info.Result["openings"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Unpublished_posting_ids_appear_on_jobs_only_when_asked()
    {
        var closedWithPosting = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Closed\",\"Archived\"],\"includeUnpublishedJobPostingsIds\":true")).Rows
            .FirstOrDefault(j => j["jobPostingIds"]!.AsArray().Count > 0);
        closedWithPosting.ShouldNotBeNull();
        var plain = await emulator.CallAsync("job.info", $$"""{"id":"{{closedWithPosting["id"]}}"}""");
        plain.Result["jobPostingIds"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task External_mapping_ids_and_form_submission_ids_are_never_found()
    {
        (await emulator.CallAsync("candidate.info", """{"externalMappingId":"hris-42"}""")).ErrorCode.ShouldBe("candidate_not_found");
        (await emulator.CallAsync("application.info", """{"submittedFormInstanceId":"00000000-0000-4000-8000-000000000000"}""")).ErrorCode.ShouldBe("application_not_found");
        (await emulator.CallAsync("candidate.info", "{}")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("id");
    }

    [Fact]
    public async Task Every_response_says_how_long_the_emulator_spent_on_it()
    {
        var r = await emulator.CallAsync("candidate.list", """{"limit":100}""");
        var timing = r.Message.Headers.GetValues("Server-Timing").Single();
        timing.ShouldStartWith("app;dur=");
        double.Parse(timing["app;dur=".Length..], CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }
}
