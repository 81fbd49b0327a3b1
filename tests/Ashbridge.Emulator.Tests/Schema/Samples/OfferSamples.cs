using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Schema.Samples;

/// <summary>
/// Offers, approvals, surveys and reports. The writes use three applications made here (one per offer: A's offer gets an
/// approval definition, a new version through offer.create and an update; B's is force-approved; C's approval starts),
/// and two report generations are left running so one more start meets the concurrency limit.
/// </summary>
public sealed class OfferSamples : ISchemaSamples
{
    private const string Missing = "00000000-0000-4000-8000-000000000000";

    public async Task<IReadOnlyList<SchemaSample>> CreateAsync(EmulatorFixture emulator)
    {
        var offers = (await emulator.ReadAllAsync("offer.list")).Rows;
        var offerId = offers[0]["id"]!.GetValue<string>();
        var users = (await emulator.ReadAllAsync("user.list")).Rows;
        var job = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.First(j => !j["confidential"]!.GetValue<bool>());

        async Task<(string Candidate, string Application)> Apply(string name)
        {
            var candidate = (await emulator.CallAsync("candidate.create", $$"""{"name":"{{name}}","email":"{{name.Replace(' ', '.')}}@samples.test"}""")).Result["id"]!.GetValue<string>();
            var application = await emulator.CallAsync("application.create", $$"""{"candidateId":"{{candidate}}","jobId":"{{job["id"]}}"}""");
            return (candidate, application.Result["id"]!.GetValue<string>());
        }

        async Task<(string Process, JsonObject Offer, string Form)> Offer(string applicationId)
        {
            var process = (await emulator.CallAsync("offerProcess.start", $$"""{"applicationId":"{{applicationId}}"}""")).Result["id"]!.GetValue<string>();
            var form = (await emulator.CallAsync("offer.start", $$"""{"offerProcessId":"{{process}}"}""")).Result;
            var created = await emulator.CallAsync("offer.create", $$"""{"offerProcessId":"{{process}}","offerFormId":"{{form["id"]}}","offerForm":{{Submission(form, 120_000)}}}""");
            var next = (await emulator.CallAsync("offer.start", $$"""{"offerProcessId":"{{process}}"}""")).Result["id"]!.GetValue<string>();
            return (process, created.Result, next);
        }

        var a = await Apply("Sample Offer A");
        var b = await Apply("Sample Offer B");
        var c = await Apply("Sample Offer C");
        var (processA, offerA, formA) = await Offer(a.Application);
        var (_, offerB, _) = await Offer(b.Application);
        var (_, offerC, _) = await Offer(c.Application);
        await emulator.CallAsync("offer.startApprovalProcess", $$"""{"offerVersionId":"{{offerB["latestVersion"]!["id"]}}"}""");
        var formDefinition = (await emulator.CallAsync("offer.start", $$"""{"offerProcessId":"{{processA}}"}""")).Result;

        var forms = (await emulator.ReadAllAsync("surveyFormDefinition.list")).Rows;
        var questionnaire = forms.First(f => f["surveyType"]!.GetValue<string>() == "Questionnaire");
        var paths = questionnaire["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Select(f => f!["field"]!["path"]!.GetValue<string>()).ToArray();

        var reports = (await emulator.SendAsync(HttpMethod.Get, "_emulator/reports", null, null)).Body.AsArray();
        var report = reports[0]!["id"]!.GetValue<string>();
        var running = new List<string>();
        for (var i = 0; i < 2; i++) running.Add((await emulator.CallAsync("report.generate", $$"""{"reportId":"{{report}}"}""")).Result["requestId"]!.GetValue<string>());

        return
        [
            new("approval.list", "{}"),
            new("approval.list", """{"entityType":"offer","limit":5}"""),
            new("approval.list", """{"entityType":"candidate"}""", ExpectSuccess: false),
            new("approvalDefinition.update", $$"""{"entityType":"offer","entityId":"{{offerA["id"]}}","approvalStepDefinitions":[{"approvalsRequired":1,"approvers":[{"userId":"{{users[0]["id"]}}","type":"user"}]}]}"""),
            new("approvalDefinition.update", $$"""{"entityType":"offer","entityId":"{{Missing}}","approvalStepDefinitions":[]}""", ExpectSuccess: false),
            new("offer.approve", $$"""{"offerVersionId":"{{offerB["latestVersion"]!["id"]}}"}"""),
            new("offer.approve", $$"""{"offerVersionId":"{{Missing}}"}""", ExpectSuccess: false),
            new("offer.create", $$"""{"offerProcessId":"{{processA}}","offerFormId":"{{formA}}","offerForm":{{Submission(formDefinition, 125_000)}}}"""),
            new("offer.create", $$"""{"offerProcessId":"{{processA}}","offerFormId":"{{formA}}"}""", ExpectSuccess: false),
            new("offer.info", $$"""{"offerId":"{{offerId}}"}"""),
            new("offer.info", $$"""{"offerId":"{{Missing}}"}""", ExpectSuccess: false),
            new("offer.list", "{}"),
            new("offer.list", """{"acceptanceStatus":["Accepted"],"limit":5}"""),
            new("offer.list", """{"offerStatus":["Maybe"]}""", ExpectSuccess: false),
            new("offer.start", $$"""{"offerProcessId":"{{processA}}"}"""),
            new("offer.start", $$"""{"offerProcessId":"{{Missing}}"}""", ExpectSuccess: false),
            new("offer.startApprovalProcess", $$"""{"offerVersionId":"{{offerC["latestVersion"]!["id"]}}","note":"Please approve"}"""),
            new("offer.startApprovalProcess", $$"""{"offerVersionId":"{{offerC["latestVersion"]!["id"]}}"}""", ExpectSuccess: false),
            new("offer.update", $$$"""{"offerId":"{{{offerA["id"]}}}","offerForm":{"fieldSubmissions":[]}}"""),
            new("offer.update", $$$"""{"offerId":"{{{offerA["id"]}}}","offerForm":{"fieldSubmissions":[{"path":"nope","value":"1"}]}}""", ExpectSuccess: false),
            new("offerProcess.start", $$"""{"applicationId":"{{a.Application}}"}"""),
            new("offerProcess.start", $$"""{"applicationId":"{{Missing}}"}""", ExpectSuccess: false),
            new("report.generate", $$"""{"reportId":"{{report}}","includeHeadersInData":false}"""),
            new("report.generate", $$"""{"reportId":"{{report}}"}""", ExpectSuccess: false),
            new("report.generate", $$"""{"reportId":"{{report}}","requestId":"{{running[0]}}"}"""),
            new("report.generate", $$"""{"reportId":"{{Missing}}"}""", ExpectSuccess: false),
            new("report.synchronous", $$"""{"reportId":"{{reports[1]!["id"]}}"}"""),
            new("report.synchronous", "{}", ExpectSuccess: false),
            new("surveyFormDefinition.info", $$"""{"surveyFormDefinitionId":"{{forms[0]["id"]}}"}"""),
            new("surveyFormDefinition.info", $$"""{"surveyFormDefinitionId":"{{Missing}}"}""", ExpectSuccess: false),
            new("surveyFormDefinition.list", """{"limit":2}"""),
            new("surveyRequest.create", $$"""{"candidateId":"{{a.Candidate}}","applicationId":"{{a.Application}}","surveyFormDefinitionId":"{{forms[0]["id"]}}"}"""),
            new("surveyRequest.create", $$"""{"candidateId":"{{a.Candidate}}","applicationId":"{{b.Application}}","surveyFormDefinitionId":"{{forms[0]["id"]}}"}""", ExpectSuccess: false),
            new("surveyRequest.list", """{"surveyType":"CandidateExperience"}"""),
            new("surveyRequest.list", "{}", ExpectSuccess: false),
            new("surveySubmission.create", $$$"""{"candidateId":"{{{a.Candidate}}}","applicationId":"{{{a.Application}}}","surveyFormDefinitionId":"{{{questionnaire["id"]}}}","submittedValues":{"{{{paths[0]}}}":true,"{{{paths[1]}}}":"2 weeks"}}"""),
            new("surveySubmission.create", $$$"""{"candidateId":"{{{a.Candidate}}}","applicationId":"{{{a.Application}}}","surveyFormDefinitionId":"{{{Missing}}}","submittedValues":{}}""", ExpectSuccess: false),
            new("surveySubmission.list", """{"surveyType":"Questionnaire"}"""),
            new("surveySubmission.list", """{"surveyType":"Diversity"}""", ExpectSuccess: false),
        ];
    }

    /// <summary>An offerForm with the start date and salary filled in, from an offer.start answer.</summary>
    public static string Submission(JsonObject started, int salary)
    {
        var fields = started["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Select(f => f!["field"]!).ToArray();
        string Path(string title) => fields.First(f => f["title"]!.GetValue<string>() == title)["path"]!.GetValue<string>();
        return $$$"""{"fieldSubmissions":[{"path":"{{{Path("Start Date")}}}","value":"2027-03-01"},{"path":"{{{Path("Salary")}}}","value":{"currencyCode":"USD","value":{{{salary}}}}},{"path":"{{{Path("Relocation Package")}}}","value":true}]}""";
    }
}
