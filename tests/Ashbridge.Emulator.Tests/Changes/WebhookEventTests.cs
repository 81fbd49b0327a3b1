using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Tests.Changes;

/// <summary>Each change publishes Ashby's related webhook types together, with §6's data shapes.</summary>
public class WebhookEventTests
{
    private const long Now = 1_795_000_000_000;
    private readonly Organization _org = OrganizationGenerator.Generate(11, OrganizationSize.Parse("small"));

    private Application Active() => _org.Applications.First(a => a.Status == ApplicationStatus.Active && a.Stage.Type != StageType.Offer);

    [Fact]
    public void A_stage_change_publishes_candidateStageChange_with_applicationUpdate_carrying_the_application()
    {
        var a = Active();
        var events = ApplicationChanges.ChangeStage(_org, Now, a, a.Stage.Plan.FirstOf(StageType.Offer), null);
        events.Select(e => e.Action).ShouldBe(["candidateStageChange", "applicationUpdate"]);
        events[0].Data["application"]!["id"]!.GetValue<string>().ShouldBe(a.Id.ToString());
        events[0].Data["application"]!["currentInterviewStage"]!["type"]!.GetValue<string>().ShouldBe("Offer");
        events[0].Data["application"]!["candidate"]!["name"]!.GetValue<string>().ShouldBe(a.Candidate.Name);
    }

    [Fact]
    public void A_hire_publishes_the_offer_change_then_candidateHire_applicationUpdate_and_candidateStageChange_together()
    {
        var a = Active();
        var batches = OfferChanges.Hire(_org, Now, a, Now + 86_400_000, 90_000, "GBP");
        batches[0].Select(e => e.Action).ShouldBe([_org.Offers.Count(o => o.Application == a) == 1 && _org.Offers.Single(o => o.Application == a).Versions.Count == 1 ? "offerCreate" : "offerUpdate"]);
        batches[0][0].Data["offer"]!["acceptanceStatus"]!.GetValue<string>().ShouldBe("Accepted");
        batches[1].Select(e => e.Action).ShouldBe(["candidateHire", "applicationUpdate", "candidateStageChange"]);
        batches[1][0].Data["application"]!["status"]!.GetValue<string>().ShouldBe("Hired");
        batches[1][0].Data["offer"]!["latestVersion"]!["salary"]!["currencyCode"]!.GetValue<string>().ShouldBe("GBP");
    }

    [Fact]
    public void Posting_publication_changes_pair_with_jobPostingUpdate_and_deletes_name_the_job()
    {
        var p = _org.JobPostings.First(x => x.IsPublished);
        JobChanges.SetPublished(_org, Now, p, false).Select(e => e.Action).ShouldBe(["jobPostingUnpublish", "jobPostingUpdate"]);
        JobChanges.SetPublished(_org, Now, p, false).ShouldBeEmpty();
        var published = JobChanges.SetPublished(_org, Now, p, true);
        published.Select(e => e.Action).ShouldBe(["jobPostingPublish", "jobPostingUpdate"]);
        published[0].Data["jobPosting"]!["isListed"].ShouldNotBeNull();
        var deleted = JobChanges.DeletePosting(_org, Now, p).Single();
        deleted.Action.ShouldBe("jobPostingDelete");
        deleted.Data["jobPosting"]!["jobId"]!.GetValue<string>().ShouldBe(p.Job.Id.ToString());
    }

    [Fact]
    public void Job_creation_publishes_jobCreate_openingCreate_and_the_posting_publication()
    {
        var (job, batches) = JobChanges.Create(_org, Now, "Webhook Wrangler", _org.Departments[1], _org.Locations[1], false);
        batches.SelectMany(b => b).Select(e => e.Action).ShouldBe(["jobCreate", "openingCreate", "jobPostingPublish", "jobPostingUpdate"]);
        batches[0][0].Data["job"]!["id"]!.GetValue<string>().ShouldBe(job.Id.ToString());
        JobChanges.SetStatus(_org, Now, job, JobStatus.Closed).SelectMany(b => b).Select(e => e.Action).ShouldBe(["jobUpdate", "jobPostingUnpublish", "jobPostingUpdate"]);
    }

    [Fact]
    public void Merges_and_deletes_publish_candidateMerge_and_candidateDelete_with_ids_only_and_offerDelete_per_deleted_offer()
    {
        var from = _org.Candidates[0];
        var into = _org.Candidates[1];
        var merge = CandidateChanges.Merge(_org, Now, from, into).Single();
        merge.Action.ShouldBe("candidateMerge");
        merge.Data["deletedCandidate"]!["id"]!.GetValue<string>().ShouldBe(from.Id.ToString());
        merge.Data["mergedCandidate"]!["id"]!.GetValue<string>().ShouldBe(into.Id.ToString());
        var doomed = _org.Candidates.First(c => c.Applications.Any(a => _org.Offers.Any(o => o.Application == a)));
        var batches = CandidateChanges.Delete(_org, Now, doomed);
        var delete = batches[0].Single();
        delete.Action.ShouldBe("candidateDelete");
        batches.Skip(1).ShouldAllBe(b => b.Single().Action == "offerDelete");
        batches.Count.ShouldBe(1 + _org.Offers.Count(o => doomed.Applications.Contains(o.Application)));
        batches[1][0].Data["offer"]!["applicationId"].ShouldNotBeNull();
        delete.Data.ToJsonString().ShouldBe("{\"candidate\":{\"id\":\"" + doomed.Id + "\"}}");
    }

    [Fact]
    public void Every_change_bumps_the_change_sequence_and_updatedAt()
    {
        var a = Active();
        var before = _org.Seq;
        ApplicationChanges.ChangeStage(_org, Now, a, a.Stage.Plan.FirstOf(StageType.Offer), null);
        a.Seq.ShouldBe(before + 1);
        a.UpdatedMs.ShouldBe(Now);
    }
}
