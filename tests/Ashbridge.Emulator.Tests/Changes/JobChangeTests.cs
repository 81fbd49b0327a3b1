using System.Text.Json.Nodes;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Tests.Schema;
using Ashbridge.Emulator.Tests.Webhooks;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Tests.Changes;

/// <summary>The job area's changes: their webhook payloads match the document, hires fill openings, generation is deterministic.</summary>
public class JobChangeTests
{
    private const long Now = 1_795_000_000_000;
    private readonly Organization _org = OrganizationGenerator.Generate(11, OrganizationSize.Parse("small"));

    private static void MatchesTheDocument(WebhookEvent e) => MatchesTheDocument(new JsonObject { ["action"] = e.Action, ["data"] = e.Data.DeepClone() });

    /// <summary>
    /// The payload matches the document, apart from the author's <c>managerId: null</c> (the user shape belongs to the
    /// organisation area, which decides it) and an unpublished posting's <c>publishedDate: null</c> (Ashby's changelog
    /// of 2026-05-26 makes it null; the document still types it a string).
    /// </summary>
    internal static void MatchesTheDocument(JsonNode payload)
    {
        var unpublished = payload["data"]?["jobPosting"] is JsonObject posting && posting.ContainsKey("publishedDate") && posting["publishedDate"] is null;
        AshbySchema.WebhookErrors(payload)
            .Where(e => !e.Contains("/author/managerId", StringComparison.Ordinal) && !(unpublished && e.Contains("/jobPosting/publishedDate", StringComparison.Ordinal)))
            .ShouldBeEmpty(payload.ToJsonString());
    }

    [Fact]
    public void A_control_created_job_sends_openingCreate_with_a_description_and_every_payload_matches_the_document()
    {
        var (job, batches) = JobChanges.Create(_org, Now, "Webhook Wrangler", _org.Departments[1], _org.Locations[1], false);
        var openingCreate = batches.SelectMany(b => b).Single(e => e.Action == "openingCreate");
        openingCreate.Data["opening"]!["latestVersion"]!["description"]!.GetValue<string>().ShouldBe("Headcount for Webhook Wrangler");
        foreach (var e in batches.SelectMany(b => b)) MatchesTheDocument(e);
        foreach (var batch in JobChanges.SetStatus(_org, Now, job, JobStatus.Closed))
        {
            foreach (var e in batch) MatchesTheDocument(e);
        }
    }

    [Fact]
    public void Api_writes_publish_jobCreate_jobUpdate_jobPostingUpdate_and_openingCreate_matching_the_document()
    {
        var team = _org.Departments.First(d => d.Parent is not null);
        var location = _org.Locations.First(l => !l.IsHierarchy);
        var (job, created) = JobChanges.CreateDraft(_org, Now, "Draft Pilot", team, location, null, null, null);
        created.Action.ShouldBe("jobCreate");
        MatchesTheDocument(created);
        var update = JobChanges.Update(_org, Now, job, "Draft Pilot II", null, null, null, "REQ-9").Single();
        update.Action.ShouldBe("jobUpdate");
        MatchesTheDocument(update);
        JobChanges.Update(_org, Now, job, "Draft Pilot II", null, null, null, null).ShouldBeEmpty();
        var tier = new CompensationTier { Id = _org.NewId(), Components = [new CompensationComponent { Id = _org.NewId(), CompensationType = "Salary", Interval = "1 YEAR", CurrencyCode = "USD", MinValue = 1, MaxValue = 2 }] };
        MatchesTheDocument(JobChanges.UpdateCompensation(_org, Now, job, [tier]).Single());
        var posting = _org.JobPostings.First(p => p.IsPublished);
        var postingUpdate = JobChanges.UpdatePosting(_org, Now, posting, "Renamed", 2, true, null, "<p>Hi</p>").Single();
        postingUpdate.Action.ShouldBe("jobPostingUpdate");
        postingUpdate.Data["jobPosting"]!["workplaceType"]!.GetValue<string>().ShouldBe("Remote");
        MatchesTheDocument(postingUpdate);
        var (opening, openingCreate) = OpeningChanges.Create(_org, Now, null, null, null, [], [job], null, null, false, 0, OpeningChanges.Draft);
        openingCreate.Action.ShouldBe("openingCreate");
        MatchesTheDocument(openingCreate);
        job.Openings.ShouldContain(opening);
    }

    [Fact]
    public void A_hire_fills_the_offers_opening_when_open_else_the_jobs_first_open_opening_and_touches_it()
    {
        var a = _org.Applications.First(x => x.Status == ApplicationStatus.Active && x.Job.Openings.Any(o => o.State == OpeningChanges.Open));
        var open = a.Job.Openings.First(o => o.State == OpeningChanges.Open);
        var seq = _org.Seq;
        ApplicationChanges.ChangeStage(_org, Now, a, a.Stage.Plan.FirstOf(StageType.Hired), null);
        open.State.ShouldBe(OpeningChanges.Filled);
        open.ClosedMs.ShouldBe(Now);
        open.Seq.ShouldBeGreaterThan(seq);
        var (spare, _) = OpeningChanges.Create(_org, Now, "SPARE", null, null, [], [a.Job], null, null, false, 0, OpeningChanges.Open);
        ApplicationChanges.ChangeStage(_org, Now, a, a.Stage.Plan.FirstOf(StageType.Hired), null);
        spare.State.ShouldBe(OpeningChanges.Open, "moving a hired application to Hired again is no new hire");

        var b = _org.Applications.First(x => x.Status == ApplicationStatus.Active && x.Job != a.Job && x.Job.Openings.Any(o => o.State == OpeningChanges.Open));
        var (second, _) = OpeningChanges.Create(_org, Now, "SECOND", null, null, [], [b.Job], null, null, false, 0, OpeningChanges.Open);
        b.Job.Openings.IndexOf(second).ShouldBeGreaterThan(0);
        var offer = new Offer { Id = _org.NewId(), Application = b, AcceptanceStatus = "Accepted", OfferStatus = "CandidateAccepted" };
        offer.Versions.Add(new OfferVersion { Id = _org.NewId(), Opening = second });
        _org.Offers.Add(offer);
        OpeningChanges.FillOnHire(_org, Now, b).ShouldBe(second);
        second.State.ShouldBe(OpeningChanges.Filled);
    }

    [Fact]
    public void The_job_records_are_deterministic_by_seed_and_leave_the_core_organisation_alone()
    {
        var again = OrganizationGenerator.Generate(11, OrganizationSize.Parse("small"));
        again.Brands.Select(b => b.Id).ShouldBe(_org.Brands.Select(b => b.Id));
        again.CloseReasons.Select(r => r.Id).ShouldBe(_org.CloseReasons.Select(r => r.Id));
        again.JobTemplates.Select(t => (t.Id, t.Title, t.Plan?.Id)).ShouldBe(_org.JobTemplates.Select(t => (t.Id, t.Title, t.Plan?.Id)));
        again.Jobs.Select(j => j.Brand!.Id).ShouldBe(_org.Jobs.Select(j => j.Brand!.Id));
        again.Openings.Select(o => o.CloseReason?.Id).ShouldBe(_org.Openings.Select(o => o.CloseReason?.Id));
        again.FormFieldIds.ShouldBe(_org.FormFieldIds);
        again.Jobs.Select(j => j.CompensationTiers.Sum(t => t.Components.Sum(c => c.MinValue ?? 0))).ShouldBe(_org.Jobs.Select(j => j.CompensationTiers.Sum(t => t.Components.Sum(c => c.MinValue ?? 0))));
        _org.Jobs.ShouldContain(j => j.CompensationTiers.Count > 0);
        _org.Jobs.Where(j => j.Status != JobStatus.Open).ShouldAllBe(j => j.CompensationTiers.Count == 0);
        var other = OrganizationGenerator.Generate(12, OrganizationSize.Parse("small"));
        other.Brands[0].Id.ShouldNotBe(_org.Brands[0].Id);
        _org.Openings.Where(o => o.State == OpeningChanges.Closed).ShouldAllBe(o => o.CloseReason != null && !o.CloseReason.IsArchived);
        _org.Openings.Where(o => o.State != OpeningChanges.Closed).ShouldAllBe(o => o.CloseReason == null);
    }
}

/// <summary>API writes of the job area reach a webhook receiver.</summary>
public class JobWebhookWiringTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Job_and_opening_creation_through_the_API_are_delivered_as_jobCreate_and_openingCreate()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        foreach (var type in new[] { "jobCreate", "openingCreate", "jobPostingUpdate" })
        {
            var created = await emulator.CallAsync("webhook.create", $$"""{"webhookType":"{{type}}","requestUrl":"{{receiver.Url(type)}}","secretToken":"secret-{{type}}"}""");
            created.Success.ShouldBeTrue(created.Body.ToJsonString());
        }

        var team = (await emulator.CallAsync("department.list")).Results.First(d => d!["parentId"] is not null)!["id"]!.GetValue<string>();
        var location = (await emulator.CallAsync("location.list")).Results[0]!["id"]!.GetValue<string>();
        var job = (await emulator.CallAsync("job.create", $$"""{"title":"Wired Job","teamId":"{{team}}","locationId":"{{location}}"}""")).Result["id"]!.GetValue<string>();
        var opening = (await emulator.CallAsync("opening.create", $$"""{"identifier":"WIRED-1","jobIds":["{{job}}"]}""")).Result["id"]!.GetValue<string>();
        var posting = (await emulator.CallAsync("jobPosting.list")).Results[0]!["id"]!.GetValue<string>();
        (await emulator.CallAsync("jobPosting.update", $$"""{"jobPostingId":"{{posting}}","suppressDescriptionClosing":true}""")).Success.ShouldBeTrue();
        (await emulator.ControlAsync("webhooks/flush")).Status.ShouldBe(200);

        receiver.Deliveries("jobCreate").Single().Json["data"]!["job"]!["id"]!.GetValue<string>().ShouldBe(job);
        receiver.Deliveries("openingCreate").Single().Json["data"]!["opening"]!["id"]!.GetValue<string>().ShouldBe(opening);
        receiver.Deliveries("jobPostingUpdate").Single().Json["data"]!["jobPosting"]!["id"]!.GetValue<string>().ShouldBe(posting);
        foreach (var type in new[] { "jobCreate", "openingCreate", "jobPostingUpdate" }) JobChangeTests.MatchesTheDocument(receiver.Deliveries(type).Single().Json);
    }
}
