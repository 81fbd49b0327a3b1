using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Schema.Samples;

/// <summary>Applications, feedback, application forms, assessments and hiring teams.</summary>
public sealed class ApplicationSamples : ISchemaSamples
{
    private const string Missing = "00000000-0000-4000-8000-000000000000";

    public IReadOnlyDictionary<string, string> NotAnswered => new Dictionary<string, string>
    {
        ["assessment.start"] = "implemented by the assessment partner and called by Ashby; the emulator plays Ashby",
        ["assessment.list"] = "implemented by the assessment partner and called by Ashby; the emulator plays Ashby",
        ["assessment.cancel"] = "implemented by the assessment partner and called by Ashby; the emulator plays Ashby",
        ["assessment.customField.list"] = "implemented by the assessment partner and called by Ashby; the emulator plays Ashby",
        ["assessment.update"] = "answers only for assessments Ashby started through a partner's assessment.start, which the emulator never calls; the document also gives its answer no body to check",
    };

    public async Task<IReadOnlyList<SchemaSample>> CreateAsync(EmulatorFixture emulator)
    {
        var setup = await ApplicationSetup.CreateAsync(emulator, "schema");
        var s = setup;
        return
        [
            new("application.list", """{"limit":100}"""),
            new("application.list", """{"limit":20,"status":"Archived"}"""),
            new("application.list", """{"limit":5,"status":"Hired","expand":["openings"]}"""),
            new("application.list", """{"status":"Rejected"}""", ExpectSuccess: false),
            new("application.info", $$"""{"applicationId":"{{s.ArchivedApplicationId}}"}"""),
            new("application.info", $$"""{"applicationId":"{{s.FeedbackApplicationId}}","expand":["applicationFormSubmissions","referrals"]}"""),
            new("application.info", $$"""{"submittedFormInstanceId":"{{s.FormInstanceId}}","expand":["applicationFormSubmissions"]}"""),
            new("application.info", $$"""{"applicationId":"{{Missing}}"}""", ExpectSuccess: false),
            new("application.listHistory", $$"""{"applicationId":"{{s.ArchivedApplicationId}}"}"""),
            new("application.listCriteriaEvaluations", $$"""{"applicationId":"{{s.EvaluatedApplicationId}}"}"""),
            new("application.listCriteriaEvaluations", """{}""", ExpectSuccess: false),
            new("application.create", $$"""{"candidateId":"{{s.CandidateId}}","jobId":"{{s.OtherJobId}}"}"""),
            new("application.changeStage", $$"""{"applicationId":"{{s.Apps[0]}}","interviewStageId":"{{s.ActiveStageId}}"}"""),
            new("application.update", $$"""{"applicationId":"{{s.Apps[1]}}","creditedToUserId":"{{s.UserId}}","sourceId":"{{s.SourceId}}"}"""),
            new("application.update", $$"""{"applicationId":"{{s.Apps[1]}}","sourceId":"{{Missing}}"}""", ExpectSuccess: false),
            new("application.changeSource", $$"""{"applicationId":"{{s.Apps[1]}}","sourceId":"{{s.SourceId}}"}"""),
            new("application.transfer", $$"""{"applicationId":"{{s.Apps[2]}}","jobId":"{{s.OtherJobId}}","interviewPlanId":"{{s.OtherPlanId}}","interviewStageId":"{{s.OtherActiveStageId}}"}"""),
            new("application.transfer", $$"""{"applicationId":"{{s.Apps[2]}}","jobId":"{{Missing}}","interviewPlanId":"{{s.OtherPlanId}}","interviewStageId":"{{s.OtherActiveStageId}}"}""", ExpectSuccess: false),
            new("application.updateHistory", $$"""{"applicationId":"{{s.Apps[3]}}","applicationHistory":[{"stageId":"{{s.LeadStageId}}","stageNumber":0,"enteredStageAt":"2026-11-01T10:00:00Z"},{"stageId":"{{s.ActiveStageId}}","stageNumber":{{s.ActiveStageNumber}},"enteredStageAt":"2026-11-10T10:00:00Z"}]}"""),
            new("application.addHiringTeamMember", $$"""{"applicationId":"{{s.Apps[4]}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}"""),
            new("application.removeHiringTeamMember", $$"""{"applicationId":"{{s.Apps[4]}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}"""),
            new("application.removeHiringTeamMember", $$"""{"applicationId":"{{s.Apps[4]}}","teamMemberId":"{{s.UserId}}","roleId":"{{Missing}}"}""", ExpectSuccess: false),
            new("applicationFeedback.list", """{"limit":50}"""),
            new("applicationFeedback.list", $$"""{"applicationId":"{{s.FeedbackApplicationId}}"}"""),
            new("applicationFeedback.submit", $$$"""{"applicationId":"{{{s.Apps[1]}}}","formDefinitionId":"{{{s.FormId}}}","userId":"{{{s.UserId}}}","feedbackForm":{"fieldSubmissions":[{"path":"overall_recommendation","value":"hire"},{"path":"communication","value":{"score":3}},{"path":"detailed_feedback","value":{"type":"PlainText","value":"Good."}}]}}"""),
            new("applicationFeedback.submit", $$$"""{"applicationId":"{{{s.Apps[1]}}}","formDefinitionId":"{{{s.FormId}}}","feedbackForm":{"fieldSubmissions":[{"path":"overall_recommendation","value":"maybe"}]}}""", ExpectSuccess: false),
            new("applicationHiringTeamRole.list", "{}"),
            new("applicationForm.submit", $$$"""{"jobPostingId":"{{{s.PostingId}}}","applicationForm":{"fieldSubmissions":[{"path":"_systemfield_name","value":"Form Sample"},{"path":"_systemfield_email","value":"form.sample@example.test"},{"path":"_systemfield_resume","value":"handle-1"}]}}"""),
            new("applicationForm.submit", $$$"""{"jobPostingId":"{{{s.PostingId}}}","applicationForm":{"fieldSubmissions":[{"path":"_systemfield_name","value":"Fail"},{"path":"_systemfield_email","value":"testing-fail-validation@example.com"},{"path":"_systemfield_resume","value":"h"}]}}""", ExpectSuccess: false),
            new("assessment.addCompletedToCandidate", $$$"""{"candidateId":"{{{s.CandidateId}}}","partnerId":"{{{Guid.NewGuid()}}}","timestamp":1764000000000,"assessment":{"assessmentTypeId":"{{{Guid.NewGuid()}}}","assessmentId":"{{{Guid.NewGuid()}}}","assessmentName":"Node Assessment","result":{"identifier":"score","label":"Score","type":"numeric_score","value":87},"metadata":[{"identifier":"report","label":"Report","type":"url","value":"https://partner.example/r/1"}]}}"""),
            new("feedbackFormDefinition.list", """{"includeArchived":true}"""),
            new("feedbackFormDefinition.info", $$"""{"feedbackFormDefinitionId":"{{s.FormId}}"}"""),
            new("feedbackFormDefinition.info", $$"""{"feedbackFormDefinitionId":"{{Missing}}"}""", ExpectSuccess: false),
            new("hiringTeam.addMember", $$"""{"applicationId":"{{s.Apps[4]}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}"""),
            new("hiringTeam.addMember", $$"""{"jobId":"{{s.OtherJobId}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}"""),
            new("hiringTeam.removeMember", $$"""{"jobId":"{{s.OtherJobId}}","teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}"""),
            new("hiringTeam.removeMember", $$"""{"teamMemberId":"{{s.UserId}}","roleId":"{{s.RoleId}}"}""", ExpectSuccess: false),
        ];
    }
}

/// <summary>Objects the application tests and samples write to, created fresh so no other test or sample relies on them.</summary>
public sealed record ApplicationSetup(
    string CandidateId, string JobId, string PlanId, string LeadStageId, string ActiveStageId, int ActiveStageNumber, string ArchivedStageId,
    string OtherJobId, string OtherPlanId, string OtherActiveStageId, string[] Apps, string UserId, string RoleId, string SourceId,
    string FormId, string PostingId, string FormInstanceId, string ArchivedApplicationId, string FeedbackApplicationId, string EvaluatedApplicationId,
    string ArchiveReasonId)
{
    public static async Task<ApplicationSetup> CreateAsync(EmulatorFixture emulator, string tag)
    {
        async Task<JsonNode> Ok(string endpoint, string body)
        {
            var r = await emulator.CallAsync(endpoint, body);
            r.Success.ShouldBeTrue($"{endpoint} {body}: {r.Body.ToJsonString()}");
            return r.Body["results"]!;
        }

        static string Id(JsonNode? n) => n!["id"]!.GetValue<string>();
        var jobs = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.Where(j => !j["confidential"]!.GetValue<bool>()).ToList();
        var job = jobs[0];
        var other = jobs[1];
        var stages = (await Ok("interviewStage.list", $$"""{"interviewPlanId":"{{job["defaultInterviewPlanId"]}}"}""")).AsArray();
        var otherStages = (await Ok("interviewStage.list", $$"""{"interviewPlanId":"{{other["defaultInterviewPlanId"]}}"}""")).AsArray();
        JsonNode First(JsonArray list, string type) => list.First(s => s!["type"]!.GetValue<string>() == type)!;
        var candidate = Id(await Ok("candidate.create", $$"""{"name":"Setup {{tag}}","email":"setup.{{tag}}@example.test"}"""));
        var apps = new string[5];
        for (var i = 0; i < apps.Length; i++) apps[i] = Id(await Ok("application.create", $$"""{"candidateId":"{{candidate}}","jobId":"{{job["id"]}}"}"""));
        var users = (await emulator.ReadAllAsync("user.list")).Rows;
        var user = users.Last(u => u["isEnabled"]!.GetValue<bool>());
        var role = (await Ok("hiringTeamRole.list", """{"namesOnly":false}""")).AsArray()[1]!;
        var source = (await Ok("source.list", "{}")).AsArray().Last()!;
        var reason = (await Ok("archiveReason.list", "{}")).AsArray()[0]!;
        var forms = (await Ok("feedbackFormDefinition.list", "{}")).AsArray();
        var postings = (await Ok("jobPosting.list", "{}")).AsArray();
        var posting = postings.First()!;
        var instance = (await Ok("applicationForm.submit", $$$"""{"jobPostingId":"{{{posting["id"]}}}","applicationForm":{"fieldSubmissions":[{"path":"_systemfield_name","value":"Applicant {{{tag}}}"},{"path":"_systemfield_email","value":"applicant.{{{tag}}}@example.test"},{"path":"_systemfield_resume","value":"resume-handle"}]}}"""))["submittedFormInstance"]!["id"]!.GetValue<string>();
        var archived = (await Ok("application.list", """{"status":"Archived","limit":1}""")).AsArray()[0]!;
        var feedback = (await Ok("applicationFeedback.list", """{"limit":1}""")).AsArray()[0]!;
        string? evaluated = null;
        foreach (var a in (await Ok("application.list", """{"limit":50}""")).AsArray())
        {
            if ((await Ok("application.listCriteriaEvaluations", $$"""{"applicationId":"{{Id(a)}}"}""")).AsArray().Count > 0) { evaluated = Id(a); break; }
        }

        var active = First(stages, "Active");
        return new ApplicationSetup(
            candidate, job["id"]!.GetValue<string>(), job["defaultInterviewPlanId"]!.GetValue<string>(), Id(First(stages, "Lead")), Id(active),
            active["orderInInterviewPlan"]!.GetValue<int>(), Id(First(stages, "Archived")),
            other["id"]!.GetValue<string>(), other["defaultInterviewPlanId"]!.GetValue<string>(), Id(First(otherStages, "Active")),
            apps, Id(user), Id(role), Id(source), Id(forms[0]), Id(posting), instance, Id(archived), feedback["applicationId"]!.GetValue<string>(),
            evaluated ?? throw new InvalidOperationException("no application of the first 50 has criteria evaluations"), Id(reason));
    }
}
