using System.Text.Json.Nodes;
using Ashbridge.Emulator.Tests.Schema;
using Ashbridge.Testing;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Survey forms, requests and submissions (with <c>surveySubmit</c>), and the report endpoints with their limits.</summary>
public class SurveyAndReportTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private async Task<JsonObject> Form(string surveyType) =>
        (await emulator.ReadAllAsync("surveyFormDefinition.list")).Rows.First(f => f["surveyType"]!.GetValue<string>() == surveyType && !f["isArchived"]!.GetValue<bool>());

    private static string[] Paths(JsonObject form) =>
        [.. form["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Select(f => f!["field"]!["path"]!.GetValue<string>())];

    private async Task<JsonObject> Application() => (await emulator.ReadAllAsync("application.list", "\"status\":\"Active\"")).Rows[0];

    private async Task<string[]> Reports() =>
        [.. (await emulator.SendAsync(HttpMethod.Get, "_emulator/reports", null, null)).Body.AsArray().Select(r => r!["id"]!.GetValue<string>())];

    [Fact]
    public async Task Survey_forms_requests_and_submissions_are_generated_and_filtered_by_survey_type()
    {
        var forms = (await emulator.ReadAllAsync("surveyFormDefinition.list")).Rows;
        forms.Select(f => f["surveyType"]!.GetValue<string>()).Distinct().Order().ShouldBe(["CandidateDataConsent", "CandidateExperience", "Diversity", "EEOC", "Questionnaire"]);
        forms.ShouldContain(f => f["isArchived"]!.GetValue<bool>());
        var requests = (await emulator.ReadAllAsync("surveyRequest.list", "\"surveyType\":\"CandidateExperience\"")).Rows;
        requests.ShouldNotBeEmpty();
        requests.ShouldAllBe(r => r["surveyUrl"]!.GetValue<string>().EndsWith(r["id"]!.GetValue<string>(), StringComparison.Ordinal));
        var one = requests[0]["applicationId"]!.GetValue<string>();
        (await emulator.ReadAllAsync("surveyRequest.list", $"\"surveyType\":\"CandidateExperience\",\"applicationId\":\"{one}\"")).Rows.ShouldAllBe(r => r["applicationId"]!.GetValue<string>() == one);
        (await emulator.ReadAllAsync("surveySubmission.list", "\"surveyType\":\"Questionnaire\"")).Rows.ShouldAllBe(s => s["surveyType"]!.GetValue<string>() == "Questionnaire");
        (await emulator.CallAsync("surveySubmission.list", """{"surveyType":"EEOC"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("surveyRequest.list", "{}")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("surveyType");
        (await emulator.CallAsync("surveyFormDefinition.list", "{}", EmulatorFixture.CandidatesOnlyKey)).Status.ShouldBe(403);
    }

    [Fact]
    public async Task A_submission_is_listed_returned_by_an_incremental_sync_and_sent_as_surveySubmit()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        (await emulator.CallAsync("webhook.create", $$"""{"webhookType":"surveySubmit","requestUrl":"{{receiver.Url("survey")}}","secretToken":"secret-survey"}""")).Success.ShouldBeTrue();
        var (_, token) = await emulator.ReadAllAsync("surveySubmission.list", "\"surveyType\":\"Questionnaire\"");
        var form = await Form("Questionnaire");
        var paths = Paths(form);
        var app = await Application();
        var body = $$$"""{"candidateId":"{{{app["candidate"]!["id"]}}}","applicationId":"{{{app["id"]}}}","surveyFormDefinitionId":"{{{form["id"]}}}","submittedValues":{"{{{paths[0]}}}":true,"{{{paths[1]}}}":"1 month"}}""";
        var created = await emulator.CallAsync("surveySubmission.create", body);
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        created.Result["submittedValues"]![paths[1]]!.GetValue<string>().ShouldBe("1 month");
        var changed = await emulator.CallAsync("surveySubmission.list", $$"""{"surveyType":"Questionnaire","syncToken":"{{token}}"}""");
        changed.Results.Select(s => s!["id"]!.GetValue<string>()).ShouldBe([created.Result["id"]!.GetValue<string>()]);

        (await emulator.ControlAsync("webhooks/flush")).Status.ShouldBe(200);
        var payload = receiver.Deliveries("survey").Single().Json;
        payload["action"]!.GetValue<string>().ShouldBe("surveySubmit");
        payload["data"]!["surveySubmission"]!["submittedValues"]![paths[0]]!.GetValue<bool>().ShouldBeTrue();
        AshbySchema.WebhookErrors(payload).ShouldBeEmpty();
    }

    [Fact]
    public async Task Survey_writes_check_the_candidate_the_application_the_form_and_the_values()
    {
        var form = await Form("Questionnaire");
        var paths = Paths(form);
        var app = await Application();
        var other = (await emulator.ReadAllAsync("application.list", "\"status\":\"Active\"")).Rows.First(a => a["candidate"]!["id"]!.GetValue<string>() != app["candidate"]!["id"]!.GetValue<string>());
        string Body(object application, string values) => $$"""{"candidateId":"{{app["candidate"]!["id"]}}","applicationId":"{{application}}","surveyFormDefinitionId":"{{form["id"]}}","submittedValues":{{values}}}""";
        (await emulator.CallAsync("surveySubmission.create", Body(other["id"]!, "{}"))).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("surveySubmission.create", Body(app["id"]!, "{}"))).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain(paths[0]);
        (await emulator.CallAsync("surveySubmission.create", Body(app["id"]!, """{"nope":1}"""))).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("surveySubmission.create", Body(app["id"]!, "[1]"))).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("submittedValues");
        (await emulator.CallAsync("surveySubmission.create", Body("00000000-0000-4000-8000-000000000000", "{}"))).ErrorCode.ShouldBe("application_not_found");
        var request = await emulator.CallAsync("surveyRequest.create", $$"""{"candidateId":"{{app["candidate"]!["id"]}}","applicationId":"{{app["id"]}}","surveyFormDefinitionId":"{{(await Form("CandidateExperience"))["id"]}}"}""");
        request.Result["surveyUrl"]!.GetValue<string>().ShouldStartWith("https://");
        (await emulator.ReadAllAsync("surveyRequest.list", $"\"surveyType\":\"CandidateExperience\",\"candidateId\":\"{app["candidate"]!["id"]}\"")).Rows
            .ShouldContain(r => r["id"]!.GetValue<string>() == request.Result["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_synchronous_answers_hires_by_department_from_the_organisation()
    {
        var hired = (await emulator.ReadAllAsync("application.list", "\"status\":\"Hired\"")).Rows.Count;
        var report = await emulator.CallAsync("report.synchronous", $$"""{"reportId":"{{(await Reports())[0]}}"}""");
        var data = report.Result["reportData"]!;
        data["columnNames"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["Timeframe", "Department", "Hired"]);
        data["data"]![0]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["Timeframe", "Department", "Hired"]);
        data["data"]!.AsArray().Skip(1).Sum(r => r![2]!.GetValue<int>()).ShouldBe(hired);
        data["metadata"]!["title"]!.GetValue<string>().ShouldBe("Hires by Department");
        report.Result["status"]!.GetValue<string>().ShouldBe("complete");
        var bare = await emulator.CallAsync("report.synchronous", $$"""{"reportId":"{{(await Reports())[0]}}","includeHeadersInData":false}""");
        bare.Result["reportData"]!["data"]!.AsArray().Count.ShouldBe(data["data"]!.AsArray().Count - 1);
        (await emulator.CallAsync("report.synchronous", "{}", EmulatorFixture.NoFlagsKey)).Status.ShouldBe(403);
        emulator.Time.Advance(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Report_generate_is_in_progress_then_complete_and_starts_are_limited_per_minute_and_at_once()
    {
        emulator.Time.Advance(TimeSpan.FromMinutes(2));
        var report = (await Reports())[1];
        var started = await emulator.CallAsync("report.generate", $$"""{"reportId":"{{report}}"}""");
        started.Result["status"]!.GetValue<string>().ShouldBe("in_progress");
        started.Result["reportData"].ShouldBeNull();
        var requestId = started.Result["requestId"]!.GetValue<string>();
        var polled = await emulator.CallAsync("report.generate", $$"""{"reportId":"{{report}}","requestId":"{{requestId}}"}""");
        polled.Result["status"]!.GetValue<string>().ShouldBe("complete");
        polled.Result["reportData"]!["columnNames"]![0]!.GetValue<string>().ShouldBe("Source");
        (await emulator.CallAsync("report.generate", $$"""{"reportId":"{{report}}","requestId":"rep_result:nope"}""")).ErrorCode.ShouldBe("invalid_input");

        for (var i = 0; i < 3; i++) (await emulator.CallAsync("report.generate", $$"""{"reportId":"{{report}}"}""")).Success.ShouldBeTrue();
        var busy = await emulator.CallAsync("report.synchronous", $$"""{"reportId":"{{report}}"}""");
        busy.Status.ShouldBe(429);
        busy.ErrorCode.ShouldBe("concurrent_limit_exceeded");
        busy.ShouldMatchTheSchema("report.synchronous");

        emulator.Time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 15; i++) (await emulator.CallAsync("report.synchronous", $$"""{"reportId":"{{report}}"}""")).Success.ShouldBeTrue();
        var limited = await emulator.CallAsync("report.generate", $$"""{"reportId":"{{report}}"}""");
        limited.Status.ShouldBe(429);
        limited.ErrorCode.ShouldBe("rate_limit_exceeded");
        (await emulator.CallAsync("report.generate", $$"""{"reportId":"{{report}}","requestId":"{{requestId}}"}""")).Success.ShouldBeTrue();
        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        (await emulator.CallAsync("report.synchronous", $$"""{"reportId":"{{report}}"}""")).Success.ShouldBeTrue();
        emulator.Time.Advance(TimeSpan.FromMinutes(2));
    }
}
