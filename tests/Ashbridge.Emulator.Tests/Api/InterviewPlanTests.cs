using System.Text.Json.Nodes;
using Ashbridge.Emulator.Tests.Schema;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Interview plans, stages, stage groups and a job's interview plan.</summary>
public class InterviewPlanTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    private async Task<string> PlanIdAsync() => (await emulator.CallAsync("interviewPlan.list", """{"limit":1}""")).Results[0]!["id"]!.GetValue<string>();

    [Fact]
    public async Task Interview_plan_rows_carry_createdAt_and_updatedAt_as_the_document_requires()
    {
        var (plans, _) = await emulator.ReadAllAsync("interviewPlan.list");
        foreach (var p in plans)
        {
            DateTimeOffset.Parse(p["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(
                DateTimeOffset.Parse(p["updatedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }

        (await emulator.CallAsync("interviewPlan.list", """{"limit":2}""")).ShouldMatchTheSchema("interviewPlan.list");
    }

    [Fact]
    public async Task Interview_stage_list_answers_one_page_with_moreDataAvailable_false()
    {
        var stages = await emulator.CallAsync("interviewStage.list", $$"""{"interviewPlanId":"{{await PlanIdAsync()}}"}""");
        stages.Body["moreDataAvailable"]!.GetValue<bool>().ShouldBeFalse();
        stages.Body.AsObject().ContainsKey("nextCursor").ShouldBeFalse();
        stages.ShouldMatchTheSchema("interviewStage.list");
    }

    [Fact]
    public async Task Every_stage_has_a_stage_group_that_interviewStageGroup_list_resolves_with_the_stage_type()
    {
        var groups = (await emulator.CallAsync("interviewStageGroup.list")).Results.Select(g => g!.AsObject()).ToDictionary(g => g["id"]!.GetValue<string>());
        groups.Values.Select(g => g["order"]!.GetValue<int>()).ShouldBeInOrder();
        var stages = (await emulator.CallAsync("interviewStage.list", $$"""{"interviewPlanId":"{{await PlanIdAsync()}}"}""")).Results;
        foreach (var s in stages)
        {
            var groupId = s!["interviewStageGroupId"]!.GetValue<string>();
            groups.ShouldContainKey(groupId);
            groups[groupId]["stageType"]!.GetValue<string>().ShouldBe(s["type"]!.GetValue<string>());
        }

        // Technical Interview and Onsite share the Interviews group; the recruiter screen has its own.
        stages[3]!["interviewStageGroupId"]!.GetValue<string>().ShouldBe(stages[4]!["interviewStageGroupId"]!.GetValue<string>());
        stages[2]!["interviewStageGroupId"]!.GetValue<string>().ShouldNotBe(stages[3]!["interviewStageGroupId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interview_stage_info_answers_the_stage_as_the_list_does_and_checks_the_id()
    {
        var stage = (await emulator.CallAsync("interviewStage.list", $$"""{"interviewPlanId":"{{await PlanIdAsync()}}"}""")).Results[2]!.AsObject();
        var info = await emulator.CallAsync("interviewStage.info", $$"""{"interviewStageId":"{{stage["id"]}}"}""");
        info.Result.ToJsonString().ShouldBe(stage.ToJsonString());
        (await emulator.CallAsync("interviewStage.info", "{}")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("interviewStage.info", """{"interviewStageId":"nope"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("interviewStage.info", """{"interviewStageId":42}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("interviewStageId");
        (await emulator.CallAsync("interviewStage.info", $$"""{"interviewStageId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("interview_stage_not_found");
        (await emulator.CallAsync("interviewStage.info", $$"""{"interviewStageId":"{{stage["id"]}}"}""", EmulatorFixture.CandidatesOnlyKey)).Status.ShouldBe(403);
    }

    [Fact]
    public async Task Job_interview_plan_lists_the_plans_stages_with_activities_for_interview_stages_only()
    {
        var job = (await emulator.CallAsync("job.list", """{"limit":1,"status":["Open"]}""")).Results[0]!.AsObject();
        var r = await emulator.CallAsync("jobInterviewPlan.info", $$"""{"jobId":"{{job["id"]}}"}""");
        r.ShouldMatchTheSchema("jobInterviewPlan.info");
        r.Result["interviewPlanId"]!.GetValue<string>().ShouldBe(job["defaultInterviewPlanId"]!.GetValue<string>());
        var stages = r.Result["stages"]!.AsArray();
        stages.Count.ShouldBe(8);
        foreach (var s in stages)
        {
            var activities = s!["activities"]!.AsArray();
            (activities.Count > 0).ShouldBe(s["type"]!.GetValue<string>() == "Active", s.ToJsonString());
        }

        var interviewIds = stages.SelectMany(s => s!["activities"]!.AsArray()).SelectMany(a => a!["interviews"]!.AsArray()).Select(i => i!["interviewId"]!.GetValue<string>()).Distinct();
        foreach (var id in interviewIds) (await emulator.CallAsync("interview.info", $$"""{"id":"{{id}}"}""")).Success.ShouldBeTrue();
        (await emulator.CallAsync("jobInterviewPlan.info", $$"""{"jobId":"{{job["id"]}}"}""")).Body.ToJsonString().ShouldBe(r.Body.ToJsonString());
        (await emulator.CallAsync("jobInterviewPlan.info", $$"""{"jobId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("job_not_found");
    }

    [Fact]
    public async Task Job_interview_plan_hides_confidential_jobs_from_a_key_without_the_flag()
    {
        var (jobs, _) = await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\",\"Closed\",\"Archived\",\"Draft\"]");
        var secret = jobs.First(j => j["confidential"]!.GetValue<bool>())["id"]!.GetValue<string>();
        (await emulator.CallAsync("jobInterviewPlan.info", $$"""{"jobId":"{{secret}}"}""")).Success.ShouldBeTrue();
        (await emulator.CallAsync("jobInterviewPlan.info", $$"""{"jobId":"{{secret}}"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("job_not_found");
    }

    [Fact]
    public async Task Interviews_list_shared_ones_unless_asked_for_job_local_and_archived_ones()
    {
        var (shared, _) = await emulator.ReadAllAsync("interview.list");
        shared.ShouldAllBe(i => !i.ContainsKey("jobId") && !i["isArchived"]!.GetValue<bool>());
        var (all, _) = await emulator.ReadAllAsync("interview.list", "\"includeArchived\":true,\"includeNonSharedInterviews\":true");
        all.ShouldContain(i => i["isArchived"]!.GetValue<bool>());
        all.ShouldContain(i => i.ContainsKey("jobId"));
        all.Count.ShouldBeGreaterThan(shared.Count);
        foreach (var i in all) i["externalTitle"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        (await emulator.CallAsync("interview.info", $$"""{"id":"{{Unknown}}"}""")).ErrorCode.ShouldBe("interview_not_found");
        (await emulator.CallAsync("interview.info", $$"""{"id":"{{shared[0]["id"]}}"}""")).Result.ToJsonString().ShouldBe(shared[0].ToJsonString());
    }
}
