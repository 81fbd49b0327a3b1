using System.Text.Json.Nodes;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Tests.Schema;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Tests.Data;

/// <summary>The application area's generated records: deterministic by seed, realistic in shape, and webhooks of its writes.</summary>
public class ApplicationRecordsTests
{
    private const long Now = 1_795_000_000_000;

    private static Organization Small(int seed) => OrganizationGenerator.Generate(seed, OrganizationSize.Parse("small"));

    [Fact]
    public void Feedback_forms_feedback_and_criteria_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var a = Small(5);
        var b = Small(5);
        a.Feedback.Select(f => (f.Id, f.Application.Id, f.SubmittedBy.Id, f.CreatedMs, f.Recommendation)).ShouldBe(b.Feedback.Select(f => (f.Id, f.Application.Id, f.SubmittedBy.Id, f.CreatedMs, f.Recommendation)));
        a.FeedbackForms.Select(f => f.Id).ShouldBe(b.FeedbackForms.Select(f => f.Id));
        var app = a.Applications.First(x => a.JobCriteria.ContainsKey(x.Job));
        CriteriaEvaluations.Of(a, app).ShouldBe(CriteriaEvaluations.Of(b, b.ApplicationsById[app.Id]));
        Small(6).Feedback.Select(f => f.Id).ShouldNotBe(a.Feedback.Select(f => f.Id));
    }

    [Fact]
    public void Feedback_covers_a_share_of_applications_past_the_screen_only_in_submission_order()
    {
        var org = Small(5);
        org.Feedback.Count.ShouldBeGreaterThan(0);
        org.Feedback.ShouldAllBe(f => f.Application.Stage.Order >= 3 || f.Application.Stage.Type == StageType.Archived);
        org.Feedback.Select(f => f.CreatedMs).ShouldBeInOrder();
        var withFeedback = org.Feedback.Select(f => f.Application).Distinct().Count();
        var past = org.Applications.Count(x => x.Stage.Type is StageType.Offer or StageType.Hired || (x.Stage.Type == StageType.Active && x.Stage.Order >= 3));
        withFeedback.ShouldBeLessThan(org.Applications.Count / 2);
        withFeedback.ShouldBeGreaterThan(past / 4);
    }

    [Fact]
    public void Writes_publish_applicationUpdate_and_a_transfer_or_history_change_of_stage_is_visible_in_the_payload()
    {
        var org = Small(5);
        var a = org.Applications.First(x => x.Status == ApplicationStatus.Active && x.Stage.Type == StageType.Active);
        ApplicationChanges.Update(org, Now, a, org.Sources[0], null, null).Select(e => e.Action).ShouldBe(["applicationUpdate"]);
        var other = org.Jobs.First(j => j != a.Job && j.Status == JobStatus.Open);
        var moved = ApplicationChanges.Transfer(org, Now, a, other, other.Plan.FirstOf(StageType.Active));
        moved.Select(e => e.Action).ShouldBe(["applicationUpdate"]);
        moved[0].Data["application"]!["job"]!["id"]!.GetValue<string>().ShouldBe(other.Id.ToString());
        var member = a.EffectiveHiringTeam[0];
        ApplicationChanges.RemoveTeamMember(org, Now, a, member).Select(e => e.Action).ShouldBe(["applicationUpdate"]);
        ApplicationChanges.RemoveTeamMember(org, Now, a, member).ShouldBeEmpty();
        var history = ApplicationChanges.ReplaceHistory(org, Now, a, [new(null, other.Plan.FirstOf(StageType.Lead), Now - 1000, null)]);
        history.Select(e => e.Action).ShouldBe(["candidateStageChange", "applicationUpdate"]);
        a.Status.ShouldBe(ApplicationStatus.Lead);
    }

    [Fact]
    public void A_form_submission_publishes_applicationSubmit()
    {
        var org = Small(5);
        var posting = org.JobPostings.First(p => p.IsPublished);
        var (application, _, events) = FeedbackChanges.SubmitApplication(org, Now, posting, "Dorothy Vaughan", "dorothy@example.test", null, [], "{}"u8.ToArray());
        events.Select(e => e.Action).ShouldBe(["applicationSubmit"]);
        application.AppliedViaPosting.ShouldBe(posting);
    }

    /// <summary>
    /// Applications without custom fields: the document's custom field <c>value</c> is a <c>oneOf</c> with four string
    /// branches, so no string-valued custom field can pass it (see docs/concepts/emulator.md).
    /// </summary>
    [Fact]
    public void The_application_area_webhook_payloads_match_the_documented_webhook_schemas()
    {
        var org = Small(5);
        var archived = org.Applications.First(x => x.Status == ApplicationStatus.Archived && x.CustomFields.Length == 0 && x.Source is not null);
        var active = org.Applications.First(x => x.Status == ApplicationStatus.Active && x.CustomFields.Length == 0);
        var posting = org.JobPostings.First(p => p.IsPublished);
        List<WebhookEvent> events =
        [
            .. ApplicationChanges.Update(org, Now, archived, null, org.Users[1], null),
            .. ApplicationChanges.ReplaceHistory(org, Now, active, [new(null, active.Stage.Plan.FirstOf(StageType.Offer), Now - 1000, null)]),
            .. FeedbackChanges.SubmitApplication(org, Now, posting, "Mae Jemison", "mae@example.test", null, [], "{}"u8.ToArray()).Events,
        ];
        events.Select(e => e.Action).ShouldBe(["applicationUpdate", "candidateStageChange", "applicationUpdate", "applicationSubmit"]);
        foreach (var e in events) AshbySchema.ShouldMatchTheWebhookSchema(new JsonObject { ["action"] = e.Action, ["data"] = e.Data.DeepClone() });
    }
}
