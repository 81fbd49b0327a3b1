using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Writes through the API change the organisation and show up in later reads.</summary>
public class WriteTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private async Task<JsonObject> OpenJob() =>
        (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.First(j => !j["confidential"]!.GetValue<bool>());

    private async Task<JsonArray> Stages(JsonObject job) =>
        (await emulator.CallAsync("interviewStage.list", $$"""{"interviewPlanId":"{{job["defaultInterviewPlanId"]}}"}""")).Results;

    private async Task<string> NewCandidate(string name)
    {
        var created = await emulator.CallAsync("candidate.create", $$"""{"name":"{{name}}","email":"{{name.Replace(' ', '.')}}@example.test","phoneNumber":"+44 20 7946 0000","linkedInUrl":"https://www.linkedin.com/in/x","alternateEmailAddresses":["alt@example.test"],"location":{"city":"Leeds","country":"United Kingdom"} }""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        return created.Result["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Candidate_create_makes_a_lead_candidate_without_applications_visible_to_info_and_search()
    {
        var id = await NewCandidate("Ada Lovelace");
        var info = await emulator.CallAsync("candidate.info", $$"""{"id":"{{id}}"}""");
        info.Result["name"]!.GetValue<string>().ShouldBe("Ada Lovelace");
        info.Result["applicationIds"]!.AsArray().ShouldBeEmpty();
        info.Result["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe("Ada.Lovelace@example.test");
        info.Result["emailAddresses"]!.AsArray().Count.ShouldBe(2);
        info.Result["socialLinks"]![0]!["type"]!.GetValue<string>().ShouldBe("LinkedIn");
        info.Result["location"]!["locationSummary"]!.GetValue<string>().ShouldContain("Leeds");
        info.Result["createdAt"]!.GetValue<string>().ShouldStartWith("2026-11-23T09:");
        (await emulator.CallAsync("candidate.search", """{"email":"ada.lovelace@example.test"}""")).Results.Single()!["id"]!.GetValue<string>().ShouldBe(id);
        (await emulator.CallAsync("candidate.create", """{"email":"no-name@example.test"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("name");
    }

    [Fact]
    public async Task Candidate_update_changes_fields_and_bumps_updatedAt()
    {
        var id = await NewCandidate("Grace Hopper");
        emulator.Time.Advance(TimeSpan.FromMinutes(5));
        var updated = await emulator.CallAsync("candidate.update", $$"""{"candidateId":"{{id}}","name":"Grace B. Hopper","email":"grace@navy.test","websiteUrl":"https://grace.test"}""");
        updated.Result["name"]!.GetValue<string>().ShouldBe("Grace B. Hopper");
        updated.Result["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe("grace@navy.test");
        updated.Result["socialLinks"]!.AsArray().ShouldContain(s => s!["type"]!.GetValue<string>() == "Website");
        updated.Result["updatedAt"]!.GetValue<string>().ShouldStartWith("2026-11-23T09:05");
    }

    [Fact]
    public async Task Application_create_defaults_to_the_first_lead_stage_and_links_the_candidate()
    {
        var id = await NewCandidate("Alan Turing");
        var job = await OpenJob();
        var created = await emulator.CallAsync("application.create", $$"""{"candidateId":"{{id}}","jobId":"{{job["id"]}}"}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        created.Result["status"]!.GetValue<string>().ShouldBe("Lead");
        created.Result["currentInterviewStage"]!["title"]!.GetValue<string>().ShouldBe("New Lead");
        var appId = created.Result["id"]!.GetValue<string>();
        (await emulator.CallAsync("candidate.info", $$"""{"id":"{{id}}"}""")).Result["applicationIds"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([appId]);
        (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{appId}}"}""")).Result["job"]!["id"]!.GetValue<string>().ShouldBe(job["id"]!.GetValue<string>());
        var screen = await emulator.CallAsync("application.create", $$"""{"candidateId":"{{id}}","jobId":"{{job["id"]}}","interviewStageId":"FirstPreInterviewScreen"}""");
        screen.Result["currentInterviewStage"]!["type"]!.GetValue<string>().ShouldBe("PreInterviewScreen");
        (await emulator.CallAsync("application.create", $$"""{"candidateId":"{{id}}","jobId":"00000000-0000-4000-8000-000000000000"}""")).ErrorCode.ShouldBe("job_not_found");
    }

    [Fact]
    public async Task Change_stage_moves_the_application_requires_an_archive_reason_for_archived_stages_and_hired_makes_a_hire()
    {
        var id = await NewCandidate("Katherine Johnson");
        var job = await OpenJob();
        var appId = (await emulator.CallAsync("application.create", $$"""{"candidateId":"{{id}}","jobId":"{{job["id"]}}"}""")).Result["id"]!.GetValue<string>();
        var stages = await Stages(job);
        string StageOf(string type) => stages.First(s => s!["type"]!.GetValue<string>() == type)!["id"]!.GetValue<string>();

        var onsite = await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{appId}}","interviewStageId":"{{StageOf("Active")}}"}""");
        onsite.Result["status"]!.GetValue<string>().ShouldBe("Active");

        var noReason = await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{appId}}","interviewStageId":"{{StageOf("Archived")}}"}""");
        noReason.ErrorCode.ShouldBe("invalid_input");
        noReason.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("archiveReasonId");
        (await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{appId}}","interviewStageId":"{{StageOf("Archived")}}","archiveReasonId":"00000000-0000-4000-8000-000000000000"}""")).ErrorCode.ShouldBe("archive_reason_not_found");
        (await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{appId}}","interviewStageId":"00000000-0000-4000-8000-000000000000"}""")).ErrorCode.ShouldBe("interview_stage_not_found");

        var reason = (await emulator.CallAsync("archiveReason.list")).Results[0]!["id"]!.GetValue<string>();
        var archived = await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{appId}}","interviewStageId":"{{StageOf("Archived")}}","archiveReasonId":"{{reason}}"}""");
        archived.Result["status"]!.GetValue<string>().ShouldBe("Archived");
        archived.Result["archiveReason"]!["id"]!.GetValue<string>().ShouldBe(reason);

        var hired = await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{appId}}","interviewStageId":"{{StageOf("Hired")}}"}""");
        hired.Result["status"]!.GetValue<string>().ShouldBe("Hired");
        hired.Result["archiveReason"].ShouldBeNull();
        var history = (await emulator.CallAsync("application.listHistory", $$"""{"applicationId":"{{appId}}"}""")).Results;
        history.Select(h => h!["title"]!.GetValue<string>()).ShouldBe(["New Lead", "Recruiter Screen", "Archived", "Hired"]);
        (await emulator.ReadAllAsync("application.list", "\"status\":\"Hired\"")).Rows.ShouldContain(a => a["id"]!.GetValue<string>() == appId);
    }

    [Fact]
    public async Task Hiring_team_members_are_added_and_validated()
    {
        var app = (await emulator.ReadAllAsync("application.list", "\"status\":\"Active\"")).Rows[0];
        var users = (await emulator.ReadAllAsync("user.list")).Rows;
        var user = users[^1];
        var role = (await emulator.CallAsync("hiringTeamRole.list", """{"namesOnly":false}""")).Results.Single(r => r!["title"]!.GetValue<string>() == "Sourcer")!["id"]!.GetValue<string>();
        var added = await emulator.CallAsync("hiringTeam.addMember", $$"""{"applicationId":"{{app["id"]}}","teamMemberId":"{{user["id"]}}","roleId":"{{role}}"}""");
        added.Result["userId"]!.GetValue<string>().ShouldBe(user["id"]!.GetValue<string>());
        added.Result["role"]!.GetValue<string>().ShouldBe("Sourcer");
        var team = (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{app["id"]}}"}""")).Result["hiringTeam"]!.AsArray();
        team.ShouldContain(m => m!["userId"]!.GetValue<string>() == user["id"]!.GetValue<string>() && m["role"]!.GetValue<string>() == "Sourcer");

        var job = await OpenJob();
        var jobMember = await emulator.CallAsync("hiringTeam.addMember", $$"""{"jobId":"{{job["id"]}}","teamMemberId":"{{users[1]["id"]}}","roleId":"{{role}}"}""");
        jobMember.Success.ShouldBeTrue();
        (await emulator.CallAsync("job.info", $$"""{"id":"{{job["id"]}}"}""")).Result["hiringTeam"]!.AsArray().ShouldContain(m => m!["role"]!.GetValue<string>() == "Sourcer");

        var viaApplication = await emulator.CallAsync("application.addHiringTeamMember", $$"""{"applicationId":"{{app["id"]}}","teamMemberId":"{{users[2]["id"]}}","roleId":"{{role}}"}""");
        viaApplication.Success.ShouldBeTrue();

        (await emulator.CallAsync("hiringTeam.addMember", $$"""{"applicationId":"{{app["id"]}}","teamMemberId":"00000000-0000-4000-8000-000000000000","roleId":"{{role}}"}""")).ErrorCode.ShouldBe("user_not_found");
        (await emulator.CallAsync("hiringTeam.addMember", $$"""{"applicationId":"{{app["id"]}}","teamMemberId":"{{user["id"]}}","roleId":"00000000-0000-4000-8000-000000000000"}""")).ErrorCode.ShouldBe("hiring_team_role_not_found");
        (await emulator.CallAsync("hiringTeam.addMember", $$"""{"applicationId":"{{app["id"]}}","jobId":"{{job["id"]}}","teamMemberId":"{{user["id"]}}","roleId":"{{role}}"}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Notes_and_tags_are_added_to_candidates()
    {
        var id = await NewCandidate("Hedy Lamarr");
        var note = await emulator.CallAsync("candidate.createNote", $$"""{"candidateId":"{{id}}","note":"Great call today"}""");
        note.Result["content"]!.GetValue<string>().ShouldBe("Great call today");
        var html = await emulator.CallAsync("candidate.createNote", $$"""{"candidateId":"{{id}}","note":{"type":"text/html","value":"<b>Private</b>"},"isPrivate":true}""");
        html.Success.ShouldBeTrue();
        (await emulator.CallAsync("candidate.listNotes", $$"""{"candidateId":"{{id}}"}""")).Results.Count.ShouldBe(2);
        (await emulator.CallAsync("candidate.listNotes", $$"""{"candidateId":"{{id}}"}""", EmulatorFixture.NoFlagsKey)).Results.Count.ShouldBe(1, "private notes need the private-fields flag");
        var tag = (await emulator.ReadAllAsync("candidateTag.list")).Rows[0];
        var tagged = await emulator.CallAsync("candidate.addTag", $$"""{"candidateId":"{{id}}","tagId":"{{tag["id"]}}"}""");
        tagged.Result["tags"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ShouldBe([tag["id"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task Writes_need_the_write_permission()
    {
        (await emulator.CallAsync("candidate.create", """{"name":"X"}""", EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }
}
