namespace Ashbridge.Emulator.Tests.Schema.Samples;

/// <summary>
/// The job area: jobs, postings, openings, boards, templates, brands and close reasons. Writes use a job, a posting and
/// an opening made here (a Draft job through <c>job.create</c>, an open job with a posting through the control API, an
/// opening through <c>opening.create</c>), so no other sample sees them change.
/// </summary>
public sealed class JobSamples : ISchemaSamples
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    public async Task<IReadOnlyList<SchemaSample>> CreateAsync(EmulatorFixture emulator)
    {
        var team = (await emulator.CallAsync("department.list")).Results.First(d => d!["parentId"] is not null)!["id"]!.GetValue<string>();
        var location = (await emulator.CallAsync("location.list")).Results[0]!["id"]!.GetValue<string>();
        var job = (await emulator.ReadAllAsync("job.list")).Rows.First(j => j["status"]!.GetValue<string>() == "Open");
        var closedOpening = (await emulator.ReadAllAsync("opening.list")).Rows.First(o => o["openingState"]!.GetValue<string>() == "Closed");
        var posting = (await emulator.CallAsync("jobPosting.list")).Results[0]!["id"]!.GetValue<string>();
        var reason = (await emulator.CallAsync("closeReason.list")).Results[0]!["id"]!.GetValue<string>();

        var draft = (await emulator.CallAsync("job.create", $$"""{"title":"Schema Sample Draft","teamId":"{{team}}","locationId":"{{location}}"}""")).Result["id"]!.GetValue<string>();
        var toOpen = (await emulator.CallAsync("job.create", $$"""{"title":"Schema Sample To Open","teamId":"{{team}}","locationId":"{{location}}"}""")).Result["id"]!.GetValue<string>();
        var open = await emulator.ControlAsync("jobs", """{"title":"Schema Sample Posting Job"}""");
        var ownPosting = open.Body["jobPostingIds"]![0]!.GetValue<string>();
        var opening = (await emulator.CallAsync("opening.create", $$"""{"identifier":"SCHEMA-SAMPLE-1","description":"Schema sample","teamId":"{{team}}","jobIds":["{{draft}}"],"locationIds":["{{location}}"]}""")).Result["id"]!.GetValue<string>();

        return
        [
            new("job.create", $$"""{"title":"Schema Sample Created","teamId":"{{team}}","locationId":"{{location}}"}"""),
            new("job.create", $$"""{"teamId":"{{team}}","locationId":"{{location}}"}""", ExpectSuccess: false),
            new("job.info", $$"""{"id":"{{job["id"]}}","expand":["location","openings"]}"""),
            new("job.info", $$"""{"id":"{{Unknown}}"}""", ExpectSuccess: false),
            new("job.list", "{}"),
            new("job.list", """{"status":["Draft","Open","Closed","Archived"],"expand":["location","openings"],"includeUnpublishedJobPostingsIds":true}"""),
            new("job.list", """{"status":["Bogus"]}""", ExpectSuccess: false),
            new("job.search", """{"title":"Engineer"}"""),
            new("job.search", "{}", ExpectSuccess: false),
            new("job.setStatus", $$"""{"jobId":"{{toOpen}}","status":"Open"}"""),
            new("job.setStatus", $$"""{"jobId":"{{draft}}","status":"Closed"}""", ExpectSuccess: false),
            new("job.update", $$"""{"jobId":"{{draft}}","title":"Schema Sample Draft (renamed)","customRequisitionId":"REQ-SCHEMA"}"""),
            new("job.update", $$"""{"jobId":"{{Unknown}}","title":"Nobody"}""", ExpectSuccess: false),
            new("job.updateCompensation", $$"""{"jobId":"{{draft}}","compensationTiers":[{"title":"Base","components":[{"compensationType":"Salary","interval":"1 YEAR","currencyCode":"USD","minValue":120000,"maxValue":150000},{"compensationType":"Bonus","interval":"1 YEAR","minValue":null,"maxValue":null}]}]}"""),
            new("job.updateCompensation", $$"""{"jobId":"{{draft}}"}""", ExpectSuccess: false),
            new("jobBoard.list", "{}"),
            new("jobPosting.info", $$"""{"jobPostingId":"{{posting}}","expand":["job"]}"""),
            new("jobPosting.info", $$"""{"jobPostingId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("jobPosting.list", "{}"),
            new("jobPosting.list", """{"listedOnly":true}"""),
            new("jobPosting.update", $$$"""{"jobPostingId":"{{{ownPosting}}}","title":"Schema Sample Posting","workplaceType":"Remote","suppressDescriptionOpening":true,"description":{"type":"text/html","content":"<p>Build <b>schemas</b>.</p>"}}"""),
            new("jobPosting.update", $$"""{"jobPostingId":"{{ownPosting}}","workplaceType":"Moon"}""", ExpectSuccess: false),
            new("jobTemplate.list", """{"expand":["location"]}"""),
            new("opening.addJob", $$"""{"openingId":"{{opening}}","jobId":"{{toOpen}}"}"""),
            new("opening.addJob", $$"""{"openingId":"{{opening}}","jobId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("opening.addLocation", $$"""{"openingId":"{{opening}}","locationId":"{{location}}"}"""),
            new("opening.create", $$"""{"identifier":"SCHEMA-SAMPLE-2","teamId":"{{team}}","targetHireDate":"2027-03-01","employmentType":"Contract","openingState":"Approved"}"""),
            new("opening.create", """{"openingState":"Filled"}""", ExpectSuccess: false),
            new("opening.info", $$"""{"openingId":"{{closedOpening["id"]}}"}"""),
            new("opening.info", $$"""{"openingId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("opening.list", "{}"),
            new("opening.removeJob", $$"""{"openingId":"{{opening}}","jobId":"{{toOpen}}"}"""),
            new("opening.removeLocation", $$"""{"openingId":"{{opening}}","locationId":"{{location}}"}"""),
            new("opening.search", """{"identifier":"SCHEMA-SAMPLE-1"}"""),
            new("opening.search", "{}", ExpectSuccess: false),
            new("opening.setArchived", $$"""{"openingId":"{{opening}}","archive":true}"""),
            new("opening.setOpeningState", $$"""{"openingId":"{{opening}}","openingState":"Closed","closeReasonId":"{{reason}}"}"""),
            new("opening.setOpeningState", $$"""{"openingId":"{{opening}}","openingState":"Closed"}""", ExpectSuccess: false),
            new("opening.update", $$"""{"openingId":"{{opening}}","description":"Schema sample, revised","isBackfill":true,"targetStartDate":"2027-04-01"}"""),
            new("opening.update", """{"description":"no id"}""", ExpectSuccess: false),
            new("brand.list", "{}"),
            new("closeReason.list", """{"includeArchived":true}"""),
        ];
    }
}
