using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Control;

/// <summary>The control API makes things happen in the organisation; the Ashby API then shows them.</summary>
public class ControlApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private async Task<JsonObject> Application(string status) =>
        (await emulator.ReadAllAsync("application.list", $"\"status\":\"{status}\"")).Rows[0];

    [Fact]
    public async Task Hiring_accepts_an_offer_with_start_date_and_salary_and_moves_the_application_to_hired()
    {
        var app = await Application("Active");
        var hire = await emulator.ControlAsync($"applications/{app["id"]}/hire", """{"startDate":"2027-01-04","salary":123456,"currencyCode":"EUR"}""");
        hire.Status.ShouldBe(200);
        var info = await emulator.CallAsync("application.info", $$"""{"applicationId":"{{app["id"]}}"}""");
        info.Result["status"]!.GetValue<string>().ShouldBe("Hired");
        info.Result["currentInterviewStage"]!["type"]!.GetValue<string>().ShouldBe("Hired");
        var offer = (await emulator.ReadAllAsync("offer.list", $"\"applicationId\":\"{app["id"]}\"")).Rows[^1];
        offer["acceptanceStatus"]!.GetValue<string>().ShouldBe("Accepted");
        offer["offerStatus"]!.GetValue<string>().ShouldBe("CandidateAccepted");
        offer["latestVersion"]!["startDate"]!.GetValue<string>().ShouldBe("2027-01-04T00:00:00.000Z");
        offer["latestVersion"]!["salary"]!["value"]!.GetValue<double>().ShouldBe(123456);
        offer["latestVersion"]!["salary"]!["currencyCode"]!.GetValue<string>().ShouldBe("EUR");
        (await emulator.ControlAsync($"applications/{app["id"]}/hire")).Status.ShouldBe(409);
    }

    [Fact]
    public async Task Moving_a_stage_by_type_is_visible_through_the_api()
    {
        var app = await Application("Lead");
        (await emulator.ControlAsync($"applications/{app["id"]}/stage", """{"stageType":"Archived"}""")).Status.ShouldBe(200);
        var info = await emulator.CallAsync("application.info", $$"""{"applicationId":"{{app["id"]}}"}""");
        info.Result["status"]!.GetValue<string>().ShouldBe("Archived");
        info.Result["archiveReason"].ShouldNotBeNull();
        (await emulator.ControlAsync($"applications/{app["id"]}/stage", """{"stageType":"Nowhere"}""")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Postings_are_unpublished_published_and_deleted()
    {
        var posting = (await emulator.CallAsync("jobPosting.list")).Results[0]!.AsObject();
        var id = posting["id"]!.GetValue<string>();
        (await emulator.ControlAsync($"job-postings/{id}/unpublish")).Status.ShouldBe(200);
        (await emulator.CallAsync("jobPosting.list")).Results.ShouldNotContain(p => p!["id"]!.GetValue<string>() == id);
        (await emulator.CallAsync("jobPosting.list", """{"includeUnpublishedJobPostings":true}""")).Results.ShouldContain(p => p!["id"]!.GetValue<string>() == id);
        (await emulator.ControlAsync($"job-postings/{id}/publish")).Status.ShouldBe(200);
        (await emulator.CallAsync("jobPosting.list")).Results.ShouldContain(p => p!["id"]!.GetValue<string>() == id);
        (await emulator.ControlAsync($"job-postings/{id}/delete")).Status.ShouldBe(200);
        (await emulator.CallAsync("jobPosting.info", $$"""{"jobPostingId":"{{id}}"}""")).ErrorCode.ShouldBe("job_posting_not_found");
        (await emulator.ControlAsync($"job-postings/{id}/delete")).Status.ShouldBe(404);
    }

    [Fact]
    public async Task Jobs_are_created_open_with_a_published_posting_and_closed()
    {
        var created = await emulator.ControlAsync("jobs", """{"title":"Chief Emulation Officer"}""");
        created.Status.ShouldBe(201);
        var id = created.Body["id"]!.GetValue<string>();
        (await emulator.ReadAllAsync("job.list")).Rows.ShouldContain(j => j["id"]!.GetValue<string>() == id && j["status"]!.GetValue<string>() == "Open");
        (await emulator.CallAsync("jobPosting.list")).Results.ShouldContain(p => p!["jobId"]!.GetValue<string>() == id);
        (await emulator.ReadAllAsync("opening.list")).Rows.ShouldContain(o => o["latestVersion"]!["jobIds"]!.AsArray().Any(j => j!.GetValue<string>() == id));
        (await emulator.ControlAsync($"jobs/{id}/close")).Status.ShouldBe(200);
        var closed = await emulator.CallAsync("job.info", $$"""{"id":"{{id}}"}""");
        closed.Result["status"]!.GetValue<string>().ShouldBe("Closed");
        closed.Result["closedAt"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        (await emulator.CallAsync("jobPosting.list")).Results.ShouldNotContain(p => p!["jobId"]!.GetValue<string>() == id);
        (await emulator.ControlAsync("jobs", """{"title":""}""")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Candidates_are_edited_merged_and_deleted()
    {
        var candidates = (await emulator.ReadAllAsync("candidate.list")).Rows.Where(c => c["applicationIds"]!.AsArray().Count > 0).ToList();
        var (from, into, doomed) = (candidates[0], candidates[1], candidates[2]);
        (await emulator.ControlAsync($"candidates/{into["id"]}/edit", """{"name":"Edited Name","company":"Initech"}""")).Body["company"]!.GetValue<string>().ShouldBe("Initech");

        var merged = await emulator.ControlAsync($"candidates/{from["id"]}/merge", $$"""{"intoCandidateId":"{{into["id"]}}"}""");
        merged.Status.ShouldBe(200);
        (await emulator.CallAsync("candidate.info", $$"""{"id":"{{from["id"]}}"}""")).ErrorCode.ShouldBe("candidate_not_found");
        var survivor = await emulator.CallAsync("candidate.info", $$"""{"id":"{{into["id"]}}"}""");
        survivor.Result["name"]!.GetValue<string>().ShouldBe("Edited Name");
        var fromApps = from["applicationIds"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        var survivorApps = survivor.Result["applicationIds"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        fromApps.ShouldAllBe(a => survivorApps.Contains(a));
        var moved = await emulator.CallAsync("application.info", $$"""{"applicationId":"{{fromApps[0]}}"}""");
        moved.Result["candidate"]!["id"]!.GetValue<string>().ShouldBe(into["id"]!.GetValue<string>());

        (await emulator.ControlAsync($"candidates/{doomed["id"]}/delete")).Status.ShouldBe(200);
        (await emulator.CallAsync("candidate.info", $$"""{"id":"{{doomed["id"]}}"}""")).ErrorCode.ShouldBe("candidate_not_found");
        var doomedApp = doomed["applicationIds"]![0]!.GetValue<string>();
        (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{doomedApp}}"}""")).ErrorCode.ShouldBe("application_not_found");
        (await emulator.ReadAllAsync("candidate.list")).Rows.ShouldNotContain(c => c["id"]!.GetValue<string>() == doomed["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_summary_counts_objects_per_type()
    {
        var summary = await emulator.SendAsync(HttpMethod.Get, "_emulator/summary", null, null);
        summary.Status.ShouldBe(200);
        var counts = summary.Body["counts"]!;
        counts["candidates"]!.GetValue<int>().ShouldBeInRange(195, 205);
        counts["applications"]!.GetValue<int>().ShouldBeGreaterThan(250);
        counts["jobs"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(12);
        summary.Body["applicationsByStatus"]!["Hired"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_the_control_api_needs_no_ashby_key()
    {
        (await emulator.ControlAsync("applications/00000000-0000-4000-8000-000000000000/hire")).Status.ShouldBe(404);
        (await emulator.ControlAsync("users/00000000-0000-4000-8000-000000000000/deactivate")).Status.ShouldBe(404);
        (await emulator.ControlAsync("candidates/00000000-0000-4000-8000-000000000000/delete")).Status.ShouldBe(404);
    }
}
