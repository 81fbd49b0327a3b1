namespace Ashbridge.Emulator.Tests.Auth;

/// <summary>Confidential jobs (and what hangs off them) and private custom fields are silently left out for keys without the flags.</summary>
public class VisibilityTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string AllStatuses = "\"status\":[\"Draft\",\"Open\",\"Closed\",\"Archived\"]";

    private async Task<string> ConfidentialJobId() =>
        (await emulator.ReadAllAsync("job.list", AllStatuses)).Rows.First(j => j["confidential"]!.GetValue<bool>())["id"]!.GetValue<string>();

    [Fact]
    public async Task Confidential_jobs_are_left_out_of_job_list_and_not_found_by_id_without_the_flag()
    {
        var id = await ConfidentialJobId();
        var seen = (await emulator.ReadAllAsync("job.list", AllStatuses, key: EmulatorFixture.NoFlagsKey)).Rows;
        seen.ShouldNotBeEmpty();
        seen.ShouldAllBe(j => !j["confidential"]!.GetValue<bool>());
        (await emulator.CallAsync("job.info", $$"""{"id":"{{id}}"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("job_not_found");
        (await emulator.CallAsync("job.info", $$"""{"id":"{{id}}"}""")).Success.ShouldBeTrue();
    }

    [Fact]
    public async Task Applications_offers_and_openings_of_confidential_jobs_are_left_out_without_the_flag()
    {
        var id = await ConfidentialJobId();
        var all = (await emulator.ReadAllAsync("application.list")).Rows;
        var confidential = all.Where(a => a["job"]!["id"]!.GetValue<string>() == id).Select(a => a["id"]!.GetValue<string>()).ToHashSet();
        confidential.ShouldNotBeEmpty();
        var seen = (await emulator.ReadAllAsync("application.list", key: EmulatorFixture.NoFlagsKey)).Rows;
        seen.Count.ShouldBe(all.Count - confidential.Count);
        seen.ShouldAllBe(a => !confidential.Contains(a["id"]!.GetValue<string>()));
        var offers = (await emulator.ReadAllAsync("offer.list", key: EmulatorFixture.NoFlagsKey)).Rows;
        offers.ShouldAllBe(o => !confidential.Contains(o["applicationId"]!.GetValue<string>()));
        var openings = (await emulator.ReadAllAsync("opening.list", key: EmulatorFixture.NoFlagsKey)).Rows;
        openings.ShouldAllBe(o => !o["latestVersion"]!["jobIds"]!.AsArray().Any(j => j!.GetValue<string>() == id));
        (await emulator.ReadAllAsync("opening.list")).Rows.Count.ShouldBeGreaterThan(openings.Count);
    }

    [Fact]
    public async Task Candidates_whose_every_application_is_confidential_are_left_out_others_lose_those_application_ids()
    {
        var id = await ConfidentialJobId();
        var applications = (await emulator.ReadAllAsync("application.list")).Rows;
        var confidentialApps = applications.Where(a => a["job"]!["id"]!.GetValue<string>() == id).Select(a => a["id"]!.GetValue<string>()).ToHashSet();
        var candidates = (await emulator.ReadAllAsync("candidate.list")).Rows;
        var hidden = candidates.Where(c => c["applicationIds"]!.AsArray().Count > 0 && c["applicationIds"]!.AsArray().All(a => confidentialApps.Contains(a!.GetValue<string>())))
            .Select(c => c["id"]!.GetValue<string>()).ToHashSet();
        hidden.ShouldNotBeEmpty();
        var seen = (await emulator.ReadAllAsync("candidate.list", key: EmulatorFixture.NoFlagsKey)).Rows;
        seen.Count.ShouldBe(candidates.Count - hidden.Count);
        seen.SelectMany(c => c["applicationIds"]!.AsArray()).ShouldAllBe(a => !confidentialApps.Contains(a!.GetValue<string>()));
        (await emulator.CallAsync("candidate.info", $$"""{"id":"{{hidden.First()}}"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("candidate_not_found");
    }

    [Fact]
    public async Task Confidential_postings_are_left_out_without_the_flag()
    {
        var id = await ConfidentialJobId();
        var all = await emulator.CallAsync("jobPosting.list", """{"includeUnpublishedJobPostings":true}""");
        all.Results.ShouldContain(p => p!["jobId"]!.GetValue<string>() == id);
        var seen = await emulator.CallAsync("jobPosting.list", """{"includeUnpublishedJobPostings":true}""", EmulatorFixture.NoFlagsKey);
        seen.Results.ShouldAllBe(p => p!["jobId"]!.GetValue<string>() != id);
    }

    [Fact]
    public async Task Private_non_offer_custom_fields_are_left_out_of_definitions_and_values_without_the_flag_offer_ones_stay()
    {
        var all = (await emulator.ReadAllAsync("customField.list", "\"includeArchived\":true")).Rows;
        var privateIds = all.Where(f => f["isPrivate"]!.GetValue<bool>() && f["objectType"]!.GetValue<string>() != "Offer").Select(f => f["id"]!.GetValue<string>()).ToHashSet();
        privateIds.ShouldNotBeEmpty();
        var seen = (await emulator.ReadAllAsync("customField.list", "\"includeArchived\":true", key: EmulatorFixture.NoFlagsKey)).Rows;
        seen.Count.ShouldBe(all.Count - privateIds.Count);
        seen.ShouldContain(f => f["isPrivate"]!.GetValue<bool>() && f["objectType"]!.GetValue<string>() == "Offer");

        var withFlag = (await emulator.ReadAllAsync("candidate.list")).Rows.SelectMany(c => c["customFields"]!.AsArray()).ToList();
        withFlag.ShouldContain(v => privateIds.Contains(v!["id"]!.GetValue<string>()));
        var without = (await emulator.ReadAllAsync("candidate.list", key: EmulatorFixture.NoFlagsKey)).Rows.SelectMany(c => c["customFields"]!.AsArray()).ToList();
        without.ShouldNotBeEmpty();
        without.ShouldAllBe(v => !privateIds.Contains(v!["id"]!.GetValue<string>()));

        var offerValues = (await emulator.ReadAllAsync("offer.list", key: EmulatorFixture.NoFlagsKey)).Rows.SelectMany(o => o["latestVersion"]!["customFields"]!.AsArray());
        offerValues.ShouldContain(v => v!["isPrivate"]!.GetValue<bool>());
    }
}
