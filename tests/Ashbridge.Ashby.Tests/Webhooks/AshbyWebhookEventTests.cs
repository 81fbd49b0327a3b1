using System.Text.Json;
using Ashbridge.Ashby.Webhooks;

namespace Ashbridge.Ashby.Tests.Webhooks;

public class AshbyWebhookEventTests
{
    private static AshbyWebhookEvent Load(string name) => AshbyWebhookEvent.Parse(Fixture.Bytes($"webhooks/{name}.json"));

    [Theory]
    [InlineData("applicationSubmit")]
    [InlineData("applicationUpdate")]
    [InlineData("candidateStageChange")]
    [InlineData("pushToHRIS")]
    [InlineData("candidateHire")]
    public void Application_events_carry_the_application(string action)
    {
        var evt = Load(action);

        evt.Action.ShouldBe(action);
        evt.WebhookActionId.ShouldBe("0b9c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3");
        var application = evt.GetApplication();
        application.Id.ShouldBe("3ae2b801-19f6-41ef-ad28-214bd731948f");
        application.Candidate.Name.ShouldBe("Adam Hart");
        application.Candidate.PrimaryEmailAddress!.Value.ShouldBe("test@ashbyhq.com");
        application.CurrentInterviewStage!.Type.ShouldBe(InterviewStageType.Offer);
        application.Job.Title.ShouldBe("Software Engineer");
        application.HiringTeam!.Single().Role.ShouldBe("Hiring Manager");
        application.CustomFields!.Single().TryGetDate(out var start).ShouldBeTrue();
        start.Year.ShouldBe(2022);
    }

    [Fact]
    public void A_hire_carries_the_accepted_offer_when_there_is_one()
    {
        var evt = Load("candidateHire");

        evt.GetApplication().Status.ShouldBe(ApplicationStatus.Hired);
        var offer = evt.GetOffer().ShouldNotBeNull();
        offer.AcceptanceStatus.ShouldBe(OfferAcceptanceStatus.Accepted);
        offer.LatestVersion!.GetStartDate().ShouldBe(new DateOnly(2026, 6, 1));
        offer.LatestVersion.Salary!.Value.ShouldBe(150000m);

        Load("candidateHireWithoutOffer").GetOffer().ShouldBeNull();
    }

    [Fact]
    public void A_candidate_delete_carries_the_candidate_id()
    {
        Load("candidateDelete").GetDeletedCandidateId().ShouldBe("5b591aed-88e3-4395-b9c6-7e8a1a2b3c4d");
    }

    [Fact]
    public void A_candidate_merge_carries_the_deleted_and_surviving_ids()
    {
        Load("candidateMerge").GetCandidateMerge().ShouldBe(new AshbyCandidateMerge(
            "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"));
    }

    [Theory]
    [InlineData("jobCreate", "Open")]
    [InlineData("jobUpdate", "Closed")]
    public void Job_events_carry_the_job(string action, string status)
    {
        var job = Load(action).GetJob();

        job.Status.ShouldBe(status);
        job.CustomRequisitionId.ShouldBe("REQ-42");
    }

    [Theory]
    [InlineData("jobPostingPublish", true)]
    [InlineData("jobPostingUnpublish", false)]
    [InlineData("jobPostingUpdate", true)]
    public void Posting_events_carry_the_posting(string action, bool listed)
    {
        var posting = Load(action).GetJobPosting();

        posting.IsListed.ShouldBe(listed);
        posting.WorkplaceType.ShouldBe(WorkplaceType.Remote);
        posting.LocationIds!.PrimaryLocationId.ShouldBe("e9fa2e0d-4b5a-4c6b-8d7e-9f0a1b2c3d4e");
    }

    [Theory]
    [InlineData("offerCreate", "Created")]
    [InlineData("offerUpdate", "Accepted")]
    public void Offer_events_carry_the_offer(string action, string acceptance)
    {
        Load(action).GetOffer().ShouldNotBeNull().AcceptanceStatus.ShouldBe(acceptance);
    }

    [Fact]
    public void An_offer_delete_carries_the_offer_and_application_ids()
    {
        Load("offerDelete").GetOfferDeletion().ShouldBe(new AshbyOfferDeletion("off-1", "3ae2b801-19f6-41ef-ad28-214bd731948f"));
    }

    [Fact]
    public void An_opening_create_carries_the_opening()
    {
        var opening = Load("openingCreate").GetOpening();

        opening.OpeningState.ShouldBe(OpeningState.Open);
        opening.LatestVersion!.Identifier.ShouldBe("ENG-104");
        opening.LatestVersion.IsBackfill.ShouldBe(true);
    }

    [Fact]
    public void A_ping_is_recognised()
    {
        var evt = Load("ping");

        evt.IsPing.ShouldBeTrue();
        evt.GetPingWebhookActionType().ShouldBe("ping");
        evt.WebhookActionId.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_action_parses_and_keeps_its_raw_data()
    {
        var evt = Load("someFutureAction");

        evt.Action.ShouldBe("someFutureAction");
        AshbyWebhookTypes.All.ShouldNotContain(evt.Action);
        evt.Data.GetProperty("thing").GetProperty("id").GetString().ShouldBe("x-1");
        Should.Throw<InvalidOperationException>(() => evt.GetApplication()).Message.ShouldContain("someFutureAction");
    }

    [Fact]
    public void An_interview_schedule_event_keeps_its_raw_data()
    {
        var evt = Load("interviewScheduleCreate");

        evt.Action.ShouldBe(AshbyWebhookTypes.InterviewScheduleCreate);
        evt.Data.GetProperty("interviewSchedule").GetProperty("status").GetString().ShouldBe("Scheduled");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"action":42}""")]
    public void A_body_that_is_not_a_webhook_payload_is_rejected(string body)
    {
        AshbyWebhookEvent.TryParse(System.Text.Encoding.UTF8.GetBytes(body), out var evt).ShouldBeFalse();
        evt.ShouldBeNull();
        Should.Throw<FormatException>(() => AshbyWebhookEvent.Parse(System.Text.Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Every_fixture_names_a_documented_type_except_the_deliberately_unknown_one()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks");
        foreach (var file in Directory.GetFiles(dir, "*.json"))
        {
            var action = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.GetProperty("action").GetString()!;
            if (action != "someFutureAction")
            {
                AshbyWebhookTypes.All.ShouldContain(action, Path.GetFileName(file));
            }
        }
    }

    [Fact]
    public void The_webhook_type_list_has_no_duplicates_and_includes_the_documented_types()
    {
        AshbyWebhookTypes.All.Distinct().Count().ShouldBe(AshbyWebhookTypes.All.Count);
        AshbyWebhookTypes.All.ShouldContain("pushToHRIS");
        AshbyWebhookTypes.All.ShouldContain("jobPostingDelete");
        AshbyWebhookTypes.All.ShouldContain("signatureRequestUpdate");
        AshbyWebhookTypes.All.ShouldContain("surveySubmit");
    }
}
