using System.Text.Json.Nodes;
using Ashbridge.Emulator.Tests.Schema;
using Ashbridge.Emulator.Tests.Schema.Samples;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Applications, feedback, forms, assessments and hiring teams over HTTP: validation, permissions, writes seen by later reads.</summary>
public class ApplicationAreaTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Missing = "00000000-0000-4000-8000-000000000000";
    private ApplicationSetup? _setup;

    private async Task<ApplicationSetup> Setup() => _setup ??= await ApplicationSetup.CreateAsync(emulator, Guid.NewGuid().ToString("N")[..8]);

    private async Task<JsonObject> Info(string id) => (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{id}}"}""")).Result;

    [Fact]
    public async Task An_archived_applications_archive_reason_carries_customFields_as_Ashby_requires()
    {
        var archived = (await emulator.CallAsync("application.list", """{"status":"Archived","limit":20}""")).Results;
        archived.Count.ShouldBeGreaterThan(0);
        foreach (var a in archived) a!["archiveReason"]!["customFields"].ShouldBeOfType<JsonArray>(a.ToJsonString());
        var info = await Info(archived[0]!["id"]!.GetValue<string>());
        info["archiveReason"]!["customFields"].ShouldBeOfType<JsonArray>();
    }

    [Fact]
    public async Task Optional_application_fields_without_a_value_are_left_out_rather_than_null()
    {
        var lead = (await emulator.CallAsync("application.list", """{"status":"Lead","limit":50}""")).Results.Select(a => a!.AsObject()).ToList();
        lead.ShouldAllBe(a => !a.ContainsKey("archiveReason") && !a.ContainsKey("archivedAt"));
        lead.ShouldAllBe(a => !a.ContainsKey("submitterClientIp") && !a.ContainsKey("submitterUserAgent"));
        var info = await Info(lead[0]["id"]!.GetValue<string>());
        info.ContainsKey("resumeFileHandle").ShouldBeFalse();
        info["applicationHistory"]!.AsArray()[^1]!.AsObject().ContainsKey("leftStageAt").ShouldBeFalse();
        info["currentInterviewStage"]!.AsObject().ContainsKey("interviewStageGroupId").ShouldBeFalse();
    }

    [Fact]
    public async Task Criteria_evaluations_are_answered_for_every_application_and_repeat_exactly()
    {
        var s = await Setup();
        var first = await emulator.CallAsync("application.listCriteriaEvaluations", $$"""{"applicationId":"{{s.EvaluatedApplicationId}}"}""");
        first.Success.ShouldBeTrue();
        first.Body["moreDataAvailable"]!.GetValue<bool>().ShouldBeFalse();
        first.Results.Count.ShouldBeInRange(2, 4);
        foreach (var e in first.Results)
        {
            e!["status"]!.GetValue<string>().ShouldBeOneOf("Pending", "Completed", "Failed", "Skipped");
            if (e["status"]!.GetValue<string>() == "Completed") e["outcomeNumber"]!.GetValue<double>().ShouldBeInRange(0, 1);
        }

        var again = await emulator.CallAsync("application.listCriteriaEvaluations", $$"""{"applicationId":"{{s.EvaluatedApplicationId}}"}""", EmulatorFixture.CandidatesOnlyKey);
        again.Results.ToJsonString().ShouldBe(first.Results.ToJsonString());
        (await emulator.CallAsync("application.listCriteriaEvaluations", $$"""{"applicationId":"{{Missing}}"}""")).ErrorCode.ShouldBe("application_not_found");
        var missing = await emulator.CallAsync("application.listCriteriaEvaluations", "{}");
        missing.ErrorCode.ShouldBe("invalid_input");
        missing.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("applicationId");
        (await emulator.CallAsync("application.listCriteriaEvaluations", """{"applicationId":"nope"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("application.listCriteriaEvaluations", $$"""{"applicationId":"{{s.EvaluatedApplicationId}}","cursor":"abc"}""")).ErrorCode.ShouldBe("invalid_next_cursor");
        (await emulator.CallAsync("application.listHistory", $$"""{"applicationId":"{{s.EvaluatedApplicationId}}","cursor":"abc"}""")).ErrorCode.ShouldBe("invalid_next_cursor");
    }

    [Fact]
    public async Task Update_and_changeSource_change_the_application_for_later_reads_and_incremental_syncs()
    {
        var s = await Setup();
        var (_, token) = await emulator.ReadAllAsync("application.list");
        emulator.Time.Advance(TimeSpan.FromMinutes(3));
        var updated = await emulator.CallAsync("application.update", $$"""{"applicationId":"{{s.Apps[1]}}","creditedToUserId":"{{s.UserId}}","createdAt":"2026-10-01T12:00:00Z","sendNotifications":false}""");
        updated.Success.ShouldBeTrue(updated.Body.ToJsonString());
        updated.Result["creditedToUser"]!["id"]!.GetValue<string>().ShouldBe(s.UserId);
        updated.Result["createdAt"]!.GetValue<string>().ShouldBe("2026-10-01T12:00:00.000Z");
        var changed = await emulator.CallAsync("application.changeSource", $$"""{"applicationId":"{{s.Apps[1]}}","sourceId":"{{s.SourceId}}"}""");
        changed.Result["source"]!["id"]!.GetValue<string>().ShouldBe(s.SourceId);
        var info = await Info(s.Apps[1]);
        info["source"]!["id"]!.GetValue<string>().ShouldBe(s.SourceId);
        info["updatedAt"]!.GetValue<string>().ShouldBe(EmulatorFixture.Start.AddMinutes(3).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        var incremental = await emulator.ReadAllAsync("application.list", $"\"syncToken\":\"{token}\"");
        incremental.Rows.ShouldContain(a => a["id"]!.GetValue<string>() == s.Apps[1]);

        var unset = await emulator.CallAsync("application.changeSource", $$"""{"applicationId":"{{s.Apps[1]}}","sourceId":null}""");
        unset.Success.ShouldBeTrue(unset.Body.ToJsonString());
        unset.Result.ContainsKey("source").ShouldBeFalse();
        (await emulator.CallAsync("application.changeSource", $$"""{"applicationId":"{{s.Apps[1]}}","sourceId":"{{Missing}}"}""")).ErrorCode.ShouldBe("source_not_found");
        (await emulator.CallAsync("application.changeSource", $$"""{"applicationId":"{{s.Apps[1]}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("sourceId");
        (await emulator.CallAsync("application.update", $$"""{"applicationId":"{{Missing}}"}""")).ErrorCode.ShouldBe("application_not_found");
        (await emulator.CallAsync("application.update", $$"""{"applicationId":"{{s.Apps[1]}}","creditedToUserId":"{{Missing}}"}""")).ErrorCode.ShouldBe("user_not_found");
        (await emulator.CallAsync("application.update", $$"""{"applicationId":"{{s.Apps[1]}}"}""", EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }

    [Fact]
    public async Task Hiring_team_members_are_removed_at_application_and_job_level_with_the_documented_permissions()
    {
        var s = await Setup();
        var body = $$"""{"applicationId":"{{s.Apps[4]}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}""";
        (await emulator.CallAsync("application.addHiringTeamMember", body)).Success.ShouldBeTrue();
        (await Info(s.Apps[4]))["hiringTeam"]!.AsArray().ShouldContain(m => m!["userId"]!.GetValue<string>() == s.UserId);
        var removed = await emulator.CallAsync("application.removeHiringTeamMember", body);
        removed.Result["userId"]!.GetValue<string>().ShouldBe(s.UserId);
        (await Info(s.Apps[4]))["hiringTeam"]!.AsArray().ShouldNotContain(m => m!["userId"]!.GetValue<string>() == s.UserId && m["role"]!.GetValue<string>() == removed.Result["role"]!.GetValue<string>());
        (await emulator.CallAsync("application.removeHiringTeamMember", body)).Success.ShouldBeTrue();

        var job = $$"""{"jobId":"{{s.OtherJobId}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}""";
        (await emulator.CallAsync("hiringTeam.addMember", job)).Success.ShouldBeTrue();
        TeamOf(await emulator.CallAsync("job.info", $$"""{"id":"{{s.OtherJobId}}"}""")).ShouldContain(s.UserId);
        (await emulator.CallAsync("hiringTeam.removeMember", job)).Success.ShouldBeTrue();
        TeamOf(await emulator.CallAsync("job.info", $$"""{"id":"{{s.OtherJobId}}"}""")).ShouldNotContain(s.UserId);

        (await emulator.CallAsync("hiringTeam.removeMember", job, EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
        (await emulator.CallAsync("application.removeHiringTeamMember", body, EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
        (await emulator.CallAsync("hiringTeam.removeMember", $$"""{"teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("hiringTeam.removeMember", $$"""{"jobId":"{{s.OtherJobId}}","applicationId":"{{s.Apps[4]}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("hiringTeam.removeMember", $$"""{"jobId":"{{s.OtherJobId}}","teamMemberId":"{{Missing}}","roleId":"{{s.RoleId}}"}""")).ErrorCode.ShouldBe("user_not_found");
        (await emulator.CallAsync("hiringTeam.removeMember", $$"""{"jobId":"{{s.OtherJobId}}","teamMemberId":"{{s.UserId}}","roleId":"{{Missing}}"}""")).ErrorCode.ShouldBe("hiring_team_role_not_found");
        (await emulator.CallAsync("hiringTeam.removeMember", $$"""{"jobId":"{{Missing}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}""")).ErrorCode.ShouldBe("job_not_found");
        (await emulator.CallAsync("application.removeHiringTeamMember", $$"""{"applicationId":"{{s.Apps[4]}}","roleId":"{{s.RoleId}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("teamMemberId");

        static List<string> TeamOf(AshbyResponse job) => [.. job.Result["hiringTeam"]!.AsArray().Select(m => m!["userId"]!.GetValue<string>())];
    }

    [Fact]
    public async Task Transfer_moves_the_application_to_a_stage_of_the_other_jobs_plan_and_adds_to_its_history()
    {
        var s = await Setup();
        var before = (await Info(s.Apps[2]))["applicationHistory"]!.AsArray().Count;
        var moved = await emulator.CallAsync("application.transfer", $$"""{"applicationId":"{{s.Apps[2]}}","jobId":"{{s.OtherJobId}}","interviewPlanId":"{{s.OtherPlanId}}","interviewStageId":"{{s.OtherActiveStageId}}","startAutomaticActivities":false}""");
        moved.Success.ShouldBeTrue(moved.Body.ToJsonString());
        moved.Result["job"]!["id"]!.GetValue<string>().ShouldBe(s.OtherJobId);
        var info = await Info(s.Apps[2]);
        info["currentInterviewStage"]!["id"]!.GetValue<string>().ShouldBe(s.OtherActiveStageId);
        info["applicationHistory"]!.AsArray().Count.ShouldBe(before + 1);

        (await emulator.CallAsync("application.transfer", $$"""{"applicationId":"{{s.Apps[2]}}","jobId":"{{s.JobId}}","interviewPlanId":"{{s.OtherPlanId}}","interviewStageId":"{{s.ActiveStageId}}"}""")).ErrorCode.ShouldBe("interview_plan_not_found");
        (await emulator.CallAsync("application.transfer", $$"""{"applicationId":"{{s.Apps[2]}}","jobId":"{{s.JobId}}","interviewPlanId":"{{s.PlanId}}","interviewStageId":"{{s.OtherActiveStageId}}"}""")).ErrorCode.ShouldBe("interview_stage_not_found");
        (await emulator.CallAsync("application.transfer", $$"""{"applicationId":"{{s.Apps[2]}}","jobId":"{{s.JobId}}","interviewPlanId":"{{s.PlanId}}","interviewStageId":"{{s.ArchivedStageId}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("application.transfer", $$"""{"applicationId":"{{s.Apps[2]}}","jobId":"{{s.JobId}}","interviewPlanId":"{{s.PlanId}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("interviewStageId");
    }

    [Fact]
    public async Task Update_history_replaces_the_history_and_the_last_entry_sets_the_stage()
    {
        var s = await Setup();
        var original = (await Info(s.Apps[3]))["applicationHistory"]!.AsArray();
        var keep = original[0]!["id"]!.GetValue<string>();
        var body = $$"""{"applicationId":"{{s.Apps[3]}}","applicationHistory":[{"applicationHistoryId":"{{keep}}","stageId":"{{s.LeadStageId}}","stageNumber":0,"enteredStageAt":"2026-11-02T08:00:00Z"},{"stageId":"{{s.ArchivedStageId}}","stageNumber":7,"enteredStageAt":"2026-11-05T08:00:00Z","archiveReasonId":"{{s.ArchiveReasonId}}"}]}""";
        var updated = await emulator.CallAsync("application.updateHistory", body);
        updated.Success.ShouldBeTrue(updated.Body.ToJsonString());
        updated.Result["status"]!.GetValue<string>().ShouldBe("Archived");
        updated.Result["archiveReason"]!["id"]!.GetValue<string>().ShouldBe(s.ArchiveReasonId);
        var history = (await emulator.CallAsync("application.listHistory", $$"""{"applicationId":"{{s.Apps[3]}}"}""")).Results;
        history.Count.ShouldBe(2);
        history[0]!["id"]!.GetValue<string>().ShouldBe(keep);
        history[0]!["enteredStageAt"]!.GetValue<string>().ShouldBe("2026-11-02T08:00:00.000Z");
        history[0]!["leftStageAt"]!.GetValue<string>().ShouldBe("2026-11-05T08:00:00.000Z");

        (await emulator.CallAsync("application.updateHistory", body.Replace("\"stageNumber\":7", "\"stageNumber\":3", StringComparison.Ordinal))).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("application.updateHistory", body.Replace(s.ArchivedStageId, s.OtherActiveStageId, StringComparison.Ordinal))).ErrorCode.ShouldBe("interview_stage_not_found");
        (await emulator.CallAsync("application.updateHistory", $$"""{"applicationId":"{{s.Apps[3]}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("applicationHistory");
        (await emulator.CallAsync("application.updateHistory", body.Replace(keep, Missing, StringComparison.Ordinal))).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Feedback_lists_generated_scorecards_and_a_submitted_form_shows_up_for_the_application_and_in_incremental_syncs()
    {
        var s = await Setup();
        var generated = await emulator.CallAsync("applicationFeedback.list", $$"""{"applicationId":"{{s.FeedbackApplicationId}}"}""");
        generated.Results.Count.ShouldBeGreaterThan(0);
        var first = generated.Results[0]!;
        first["submittedValues"]!["overall_recommendation"]!.GetValue<string>().ShouldBeOneOf("strong_hire", "hire", "no_hire", "strong_no_hire");
        first["submittedByUser"]!["id"].ShouldNotBeNull();
        first["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Count.ShouldBe(4);

        var (_, token) = await emulator.ReadAllAsync("applicationFeedback.list");
        var submit = await emulator.CallAsync("applicationFeedback.submit", $$$"""{"applicationId":"{{{s.Apps[0]}}}","formDefinitionId":"{{{s.FormId}}}","userId":"{{{s.UserId}}}","feedbackForm":{"fieldSubmissions":[{"path":"overall_recommendation","value":"strong_hire"},{"path":"communication","value":{"score":4}},{"path":"detailed_feedback","value":{"type":"PlainText","value":"Superb."}}]}}""");
        submit.Success.ShouldBeTrue(submit.Body.ToJsonString());
        submit.Result["submittedFormInstance"]!["submittedValues"]!["communication"]!.GetValue<string>().ShouldBe("4");
        var listed = (await emulator.CallAsync("applicationFeedback.list", $$"""{"applicationId":"{{s.Apps[0]}}"}""")).Results.Single()!;
        listed["submittedValues"]!["detailed_feedback"]!.GetValue<string>().ShouldBe("Superb.");
        listed["submittedByUser"]!["id"]!.GetValue<string>().ShouldBe(s.UserId);
        (await emulator.ReadAllAsync("applicationFeedback.list", $"\"syncToken\":\"{token}\"")).Rows.Select(r => r["applicationId"]!.GetValue<string>()).ShouldBe([s.Apps[0]]);

        async Task<string?> Fails(string submissions) => (await emulator.CallAsync("applicationFeedback.submit", $$$"""{"applicationId":"{{{s.Apps[0]}}}","formDefinitionId":"{{{s.FormId}}}","feedbackForm":{"fieldSubmissions":{{{submissions}}}}}""")).ErrorCode;
        (await Fails("""[{"path":"overall_recommendation","value":"maybe"}]""")).ShouldBe("invalid_input");
        (await Fails("""[{"path":"communication","value":{"score":3}}]""")).ShouldBe("invalid_input");
        (await Fails("""[{"path":"overall_recommendation","value":"hire"},{"path":"communication","value":{"score":9}}]""")).ShouldBe("invalid_input");
        (await Fails("""[{"path":"overall_recommendation","value":"hire"},{"path":"nope","value":"x"}]""")).ShouldBe("invalid_input");
        (await emulator.CallAsync("applicationFeedback.submit", $$$"""{"applicationId":"{{{s.Apps[0]}}}","formDefinitionId":"{{{Missing}}}","feedbackForm":{"fieldSubmissions":[]}}""")).ErrorCode.ShouldBe("feedback_form_definition_not_found");
        (await emulator.CallAsync("applicationFeedback.list", $$"""{"applicationId":"{{Missing}}"}""")).ErrorCode.ShouldBe("application_not_found");
    }

    [Fact]
    public async Task Feedback_forms_hide_archived_ones_unless_asked_and_info_finds_one_by_id()
    {
        var live = (await emulator.CallAsync("feedbackFormDefinition.list")).Results;
        var all = (await emulator.CallAsync("feedbackFormDefinition.list", """{"includeArchived":true}""")).Results;
        live.ShouldAllBe(f => !f!["isArchived"]!.GetValue<bool>());
        all.Count.ShouldBe(live.Count + 1);
        live.Count(f => f!["isDefaultForm"]!.GetValue<bool>()).ShouldBe(1);
        var id = live[0]!["id"]!.GetValue<string>();
        (await emulator.CallAsync("feedbackFormDefinition.info", $$"""{"feedbackFormDefinitionId":"{{id}}"}""")).Result["title"]!.GetValue<string>().ShouldBe(live[0]!["title"]!.GetValue<string>());
        (await emulator.CallAsync("feedbackFormDefinition.info", $$"""{"feedbackFormDefinitionId":"{{Missing}}"}""")).ErrorCode.ShouldBe("feedback_form_definition_not_found");
        (await emulator.CallAsync("feedbackFormDefinition.list", "{}", EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }

    [Fact]
    public async Task An_application_form_submission_makes_a_candidate_and_application_found_by_its_form_instance()
    {
        var s = await Setup();
        var submitted = await emulator.CallAsync("applicationForm.submit", $$$"""{"jobPostingId":"{{{s.PostingId}}}","applicationForm":{"fieldSubmissions":[{"path":"_systemfield_name","value":"Mary Jackson"},{"path":"_systemfield_email","value":"mary.jackson@example.test"},{"path":"_systemfield_resume","value":"resume-handle"}]},"utmData":{"utm_source":"board"}}""");
        submitted.Success.ShouldBeTrue(submitted.Body.ToJsonString());
        submitted.Result["formMessages"]!["blocked"]!.GetValue<bool>().ShouldBeFalse();
        var instance = submitted.Result["submittedFormInstance"]!["id"]!.GetValue<string>();
        var info = await emulator.CallAsync("application.info", $$"""{"submittedFormInstanceId":"{{instance}}","expand":["applicationFormSubmissions"]}""");
        info.Result["candidate"]!["name"]!.GetValue<string>().ShouldBe("Mary Jackson");
        info.Result["appliedViaJobPostingId"]!.GetValue<string>().ShouldBe(s.PostingId);
        info.Result["currentInterviewStage"]!["type"]!.GetValue<string>().ShouldBe("PreInterviewScreen");
        info.Result["applicationFormSubmissions"]![0]!["submittedValues"]!["_systemfield_email"]!.GetValue<string>().ShouldBe("mary.jackson@example.test");
        (await emulator.CallAsync("candidate.search", """{"email":"mary.jackson@example.test"}""")).Results.Count.ShouldBe(1);

        var failing = await emulator.CallAsync("applicationForm.submit", $$$"""{"jobPostingId":"{{{s.PostingId}}}","applicationForm":{"fieldSubmissions":[{"path":"_systemfield_name","value":"T"},{"path":"_systemfield_email","value":"testing-fail-validation@example.com"},{"path":"_systemfield_resume","value":"h"}]}}""");
        failing.Success.ShouldBeFalse();
        (await emulator.CallAsync("applicationForm.submit", $$$"""{"jobPostingId":"{{{s.PostingId}}}","applicationForm":{"fieldSubmissions":[{"path":"_systemfield_name","value":"No Email"}]}}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("applicationForm.submit", $$$"""{"jobPostingId":"{{{Missing}}}","applicationForm":{"fieldSubmissions":[]}}""")).ErrorCode.ShouldBe("job_posting_not_found");
        (await emulator.CallAsync("application.info", $$"""{"submittedFormInstanceId":"{{Missing}}"}""")).ErrorCode.ShouldBe("application_not_found");
    }

    [Fact]
    public async Task A_completed_assessment_is_added_to_a_candidate_and_its_fields_are_checked()
    {
        var s = await Setup();
        string Body(string resultType, string value) => $$$"""{"candidateId":"{{{s.CandidateId}}}","partnerId":"{{{Guid.NewGuid()}}}","timestamp":1764000000000,"assessment":{"assessmentTypeId":"{{{Guid.NewGuid()}}}","assessmentId":"{{{Guid.NewGuid()}}}","assessmentName":"SQL","result":{"identifier":"r","label":"Result","type":"{{{resultType}}}","value":{{{value}}}},"metadata":[]}}""";
        var added = await emulator.CallAsync("assessment.addCompletedToCandidate", Body("numeric_score", "42"));
        added.Success.ShouldBeTrue(added.Body.ToJsonString());
        added.Result["candidateId"]!.GetValue<string>().ShouldBe(s.CandidateId);
        added.Result["result"]!["value"]!.GetValue<int>().ShouldBe(42);
        added.Result["applicationId"]!.GetValue<string>().ShouldBeOneOf(s.Apps);
        (await emulator.CallAsync("assessment.addCompletedToCandidate", Body("numeric_score", "\"high\""))).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("assessment.addCompletedToCandidate", Body("grade", "1"))).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("assessment.addCompletedToCandidate", Body("numeric_score", "1").Replace(s.CandidateId, Missing, StringComparison.Ordinal))).ErrorCode.ShouldBe("candidate_not_found");
    }

    [Fact]
    public async Task Create_takes_an_application_history_whose_last_entry_is_the_stage()
    {
        var s = await Setup();
        var created = await emulator.CallAsync("application.create", $$"""{"candidateId":"{{s.CandidateId}}","jobId":"{{s.OtherJobId}}","applicationHistory":[{"stageId":"{{s.OtherActiveStageId}}","stageNumber":2,"enteredStageAt":"2026-11-03T09:00:00Z"}]}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        created.Result["currentInterviewStage"]!["id"]!.GetValue<string>().ShouldBe(s.OtherActiveStageId);
        var history = (await emulator.CallAsync("application.listHistory", $$"""{"applicationId":"{{created.Result["id"]}}"}""")).Results;
        history.Single()!["enteredStageAt"]!.GetValue<string>().ShouldBe("2026-11-03T09:00:00.000Z");
        (await emulator.CallAsync("application.create", $$"""{"candidateId":"{{s.CandidateId}}","jobId":"{{s.OtherJobId}}","applicationHistory":[{"stageId":"{{s.ActiveStageId}}","stageNumber":2,"enteredStageAt":"2026-11-03T09:00:00Z"}]}""")).ErrorCode.ShouldBe("interview_stage_not_found");
    }

    [Fact]
    public async Task Feedback_and_criteria_of_confidential_jobs_are_hidden_from_a_key_without_the_confidential_flag()
    {
        var all = (await emulator.ReadAllAsync("applicationFeedback.list")).Rows;
        var visible = (await emulator.ReadAllAsync("applicationFeedback.list", key: EmulatorFixture.NoFlagsKey)).Rows;
        var hidden = all.Where(f => !visible.Any(v => v["id"]!.GetValue<string>() == f["id"]!.GetValue<string>())).ToList();
        hidden.ShouldNotBeEmpty();
        var confidentialApps = (await emulator.ReadAllAsync("application.list")).Rows
            .Where(a => !visible.Any(v => v["applicationId"]!.GetValue<string>() == a["id"]!.GetValue<string>()))
            .Select(a => a["id"]!.GetValue<string>()).ToHashSet();
        foreach (var f in hidden)
        {
            var id = f["applicationId"]!.GetValue<string>();
            confidentialApps.ShouldContain(id);
            (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{id}}"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("application_not_found");
            (await emulator.CallAsync("application.listCriteriaEvaluations", $$"""{"applicationId":"{{id}}"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("application_not_found");
        }

        foreach (var f in visible.Take(20)) (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{f["applicationId"]}}"}""", EmulatorFixture.NoFlagsKey)).Success.ShouldBeTrue();
    }

    [Fact]
    public async Task Change_stage_refuses_archive_fields_for_a_stage_that_is_not_archived()
    {
        var s = await Setup();
        var r = await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{s.Apps[0]}}","interviewStageId":"{{s.ActiveStageId}}","archiveReasonId":"{{s.ArchiveReasonId}}"}""");
        r.ErrorCode.ShouldBe("invalid_input");
        r.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("archiveReasonId");
        (await emulator.CallAsync("application.changeStage", $$$"""{"applicationId":"{{{s.Apps[0]}}}","interviewStageId":"{{{s.ActiveStageId}}}","archiveEmail":{"communicationTemplateId":"{{{Missing}}}"}}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Application_hiring_team_roles_are_the_organisations_roles_as_objects()
    {
        var roles = (await emulator.CallAsync("applicationHiringTeamRole.list", "{}", EmulatorFixture.CandidatesOnlyKey)).Results;
        var organisation = (await emulator.CallAsync("hiringTeamRole.list", """{"namesOnly":false}""")).Results;
        roles.ToJsonString().ShouldBe(organisation.ToJsonString());
    }

    [Theory]
    [InlineData("assessment.start")]
    [InlineData("assessment.list")]
    [InlineData("assessment.cancel")]
    [InlineData("assessment.customField.list")]
    public async Task Partner_implemented_assessment_endpoints_are_not_answered(string endpoint) =>
        (await emulator.CallAsync(endpoint)).Status.ShouldBe(404);

    /// <summary>
    /// The document's custom field <c>value</c> is a <c>oneOf</c> with four plain string branches (Date, String, LongText,
    /// ValueSelect), so no string-valued custom field can pass it; this checks everything else of the application answers
    /// by emptying <c>customFields</c> first. Expanded <c>openings</c> are written by the jobs area's opening writer and
    /// checked with opening.list, so they are emptied too.
    /// </summary>
    [Theory]
    [InlineData("application.list", """{"limit":100}""")]
    [InlineData("application.list", """{"limit":100,"status":"Archived"}""")]
    [InlineData("application.list", """{"limit":20,"status":"Hired","expand":["openings"]}""")]
    public async Task Application_answers_match_the_document_apart_from_custom_field_values(string endpoint, string body)
    {
        var r = await emulator.CallAsync(endpoint, body);
        r.Results.Count.ShouldBeGreaterThan(0);
        foreach (var a in r.Results) Strip(a!.AsObject());
        AshbySchema.ResponseErrors(endpoint, r.Status, r.Body).ShouldBeEmpty();
        foreach (var a in r.Results.Take(10))
        {
            var info = await emulator.CallAsync("application.info", $$"""{"applicationId":"{{a!["id"]}}","expand":["openings","applicationFormSubmissions","referrals"]}""");
            Strip(info.Result);
            AshbySchema.ResponseErrors("application.info", info.Status, info.Body).ShouldBeEmpty();
        }

        static void Strip(JsonObject a)
        {
            a["customFields"] = new JsonArray();
            if (a.ContainsKey("openings")) a["openings"] = new JsonArray();
        }
    }
}
