using System.Text.Json.Nodes;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Tests.Schema;
using Ashbridge.Emulator.Tests.Schema.Samples;
using Ashbridge.Testing;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>The offer process (offerProcess.start → offer.start → offer.create → approval → approve), offer.update and approvals.</summary>
public class OfferTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private async Task<string> NewApplication(string name)
    {
        var job = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.First(j => !j["confidential"]!.GetValue<bool>());
        var candidate = (await emulator.CallAsync("candidate.create", $$"""{"name":"{{name}}","email":"{{name.Replace(' ', '.')}}@offers.test"}""")).Result["id"]!.GetValue<string>();
        return (await emulator.CallAsync("application.create", $$"""{"candidateId":"{{candidate}}","jobId":"{{job["id"]}}"}""")).Result["id"]!.GetValue<string>();
    }

    private async Task<(string Process, JsonObject Form)> StartForm(string applicationId)
    {
        var process = await emulator.CallAsync("offerProcess.start", $$"""{"applicationId":"{{applicationId}}"}""");
        process.Result["status"]!.GetValue<string>().ShouldBe("WaitingOnOfferCreation");
        var id = process.Result["id"]!.GetValue<string>();
        return (id, (await emulator.CallAsync("offer.start", $$"""{"offerProcessId":"{{id}}"}""")).Result);
    }

    private async Task<JsonObject> CreateOffer(string applicationId, int salary = 120_000)
    {
        var (process, form) = await StartForm(applicationId);
        var created = await emulator.CallAsync("offer.create", $$"""{"offerProcessId":"{{process}}","offerFormId":"{{form["id"]}}","offerForm":{{OfferSamples.Submission(form, salary)}}}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        return created.Result;
    }

    [Fact]
    public async Task Offer_create_makes_an_offer_waiting_for_approval_visible_to_info_list_and_an_incremental_sync()
    {
        var (_, token) = await emulator.ReadAllAsync("offer.list");
        var applicationId = await NewApplication("Offer Create");
        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        var offer = await CreateOffer(applicationId, 131_000);
        offer["acceptanceStatus"]!.GetValue<string>().ShouldBe("Created");
        offer["offerStatus"]!.GetValue<string>().ShouldBe("WaitingOnApprovalStart");
        offer.ContainsKey("decidedAt").ShouldBeFalse();
        offer["latestVersion"]!["salary"]!["value"]!.GetValue<double>().ShouldBe(131_000);
        offer["latestVersion"]!["startDate"]!.GetValue<string>().ShouldBe("2027-03-01T00:00:00.000Z");
        offer["latestVersion"]!["customFields"]!.AsArray().ShouldContain(f => f!["title"]!.GetValue<string>() == "Relocation Package" && f["value"]!.GetValue<bool>());
        offer["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Count.ShouldBe(6);

        var info = await emulator.CallAsync("offer.info", $$"""{"offerId":"{{offer["id"]}}"}""");
        info.Result["applicationId"]!.GetValue<string>().ShouldBe(applicationId);
        (await emulator.CallAsync("offer.info", $$"""{"offerId":"{{offer["id"]}}","excludeFormDefinition":true}""")).Result.ContainsKey("formDefinition").ShouldBeFalse();
        var changed = await emulator.CallAsync("offer.list", $$"""{"syncToken":"{{token}}"}""");
        changed.Results.Select(o => o!["id"]!.GetValue<string>()).ShouldContain(offer["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Offer_create_validates_the_form_and_a_form_is_used_once()
    {
        var (process, form) = await StartForm(await NewApplication("Offer Validation"));
        string Create(string submissions) => $$$"""{"offerProcessId":"{{{process}}}","offerFormId":"{{{form["id"]}}}","offerForm":{"fieldSubmissions":{{{submissions}}}}}""";
        (await emulator.CallAsync("offer.create", $$"""{"offerProcessId":"{{process}}","offerFormId":"{{form["id"]}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("offerForm");
        (await emulator.CallAsync("offer.create", Create("[]"))).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("Start Date");
        (await emulator.CallAsync("offer.create", Create("""[{"path":"nope","value":"x"}]"""))).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("offer.create", """{"offerProcessId":"not-a-uuid","offerFormId":"x","offerForm":{}}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("offer.create", $$$"""{"offerProcessId":"00000000-0000-4000-8000-000000000000","offerFormId":"{{{form["id"]}}}","offerForm":{"fieldSubmissions":[]}}""")).ErrorCode.ShouldBe("offer_process_not_found");
        (await emulator.CallAsync("offer.create", $$"""{"offerProcessId":"{{process}}","offerFormId":"{{form["id"]}}","offerForm":"x"}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("offerForm");
        (await emulator.CallAsync("offer.create", Create(OfferSamples.Submission(form, 100_000)[20..^1]))).Success.ShouldBeTrue();
        (await emulator.CallAsync("offer.create", Create(OfferSamples.Submission(form, 100_000)[20..^1]))).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task An_opening_held_by_another_offer_is_opening_in_use()
    {
        var first = await CreateOffer(await NewApplication("Opening Holder"));
        var (process, form) = await StartForm(await NewApplication("Opening Taker"));
        var opening = form["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Select(f => f!["field"]!).First(f => f["title"]!.GetValue<string>() == "Opening");
        var held = first["latestVersion"]!["openingId"]?.GetValue<string>();

        // The first offer took the job's first free opening; with none free every opening is held (or closed or filled).
        var openingId = held ?? opening["selectableValues"]![0]!["value"]!.GetValue<string>();
        var taken = await emulator.CallAsync("offer.create", $$$"""{"offerProcessId":"{{{process}}}","offerFormId":"{{{form["id"]}}}","offerForm":{"fieldSubmissions":[{"path":"{{{opening["path"]}}}","value":"{{{openingId}}}"},{{{OfferSamples.Submission(form, 1)[21..^2]}}}]}}""");
        if (held is not null) taken.ErrorCode.ShouldBe("opening_in_use");
        else taken.ErrorCode.ShouldBeOneOf("opening_in_use", "opening_state_invalid");
    }

    [Fact]
    public async Task Offer_update_adds_a_version_and_restarts_approval_and_needs_offersWrite()
    {
        var offer = await CreateOffer(await NewApplication("Offer Update"));
        var form = offer["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Select(f => f!["field"]!).ToArray();
        var salaryPath = form.First(f => f["title"]!.GetValue<string>() == "Salary")["path"]!.GetValue<string>();
        var updated = await emulator.CallAsync("offer.update", $$$"""{"offerId":"{{{offer["id"]}}}","offerForm":{"fieldSubmissions":[{"path":"{{{salaryPath}}}","value":{"currencyCode":"EUR","value":140000}}]}}""");
        updated.Result["versions"]!.AsArray().Count.ShouldBe(2);
        updated.Result["latestVersion"]!["salary"]!["currencyCode"]!.GetValue<string>().ShouldBe("EUR");
        updated.Result["latestVersion"]!["startDate"]!.GetValue<string>().ShouldBe("2027-03-01T00:00:00.000Z");
        updated.Result["offerStatus"]!.GetValue<string>().ShouldBe("WaitingOnApprovalStart");
        var denied = await emulator.CallAsync("offer.update", $$$"""{"offerId":"{{{offer["id"]}}}","offerForm":{"fieldSubmissions":[]}}""", EmulatorFixture.NoFlagsKey);
        denied.Status.ShouldBe(403);
        denied.ErrorCode.ShouldBe("missing_endpoint_permission");
        (await emulator.CallAsync("offer.update", """{"offerId":"00000000-0000-4000-8000-000000000000","offerForm":{"fieldSubmissions":[]}}""")).ErrorCode.ShouldBe("offer_not_found");
    }

    [Fact]
    public async Task Approval_runs_step_by_step_from_the_definition_and_ends_waiting_on_the_candidate()
    {
        var offer = await CreateOffer(await NewApplication("Offer Approval"));
        var users = (await emulator.ReadAllAsync("user.list")).Rows.Select(u => u["id"]!.GetValue<string>()).ToArray();
        var definition = await emulator.CallAsync("approvalDefinition.update", $$"""{"entityType":"offer","entityId":"{{offer["id"]}}","submitApprovalRequest":true,"approvalStepDefinitions":[{"approvalsRequired":1,"approvers":[{"userId":"{{users[0]}}","type":"user"}]},{"approvalsRequired":1,"approvers":[{"userId":"{{users[1]}}","type":"user"}]}]}""");
        definition.Result["entityType"]!.GetValue<string>().ShouldBe("Offer");
        var version = offer["latestVersion"]!["id"]!.GetValue<string>();
        (await emulator.CallAsync("offer.info", $$"""{"offerId":"{{offer["id"]}}"}""")).Result["offerStatus"]!.GetValue<string>().ShouldBe("WaitingOnOfferApproval");
        var approval = (await emulator.CallAsync("approval.list", $$"""{"entityId":"{{offer["id"]}}"}""")).Results.Single()!;
        var steps = approval["steps"]!.AsArray();
        steps.Count.ShouldBe(2);

        (await emulator.CallAsync("offer.approve", $$"""{"offerVersionId":"{{version}}","approvalStepId":"{{steps[1]!["id"]}}","userId":"{{users[1]}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("offer.approve", $$"""{"offerVersionId":"{{version}}","approvalStepId":"{{steps[0]!["id"]}}","userId":"{{users[1]}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("offer.approve", $$"""{"offerVersionId":"{{version}}","approvalStepId":"{{steps[0]!["id"]}}"}""")).ErrorCode.ShouldBe("invalid_input");
        var first = await emulator.CallAsync("offer.approve", $$"""{"offerVersionId":"{{version}}","approvalStepId":"{{steps[0]!["id"]}}","userId":"{{users[0]}}"}""");
        first.Result["offerStatus"]!.GetValue<string>().ShouldBe("WaitingOnOfferApproval");
        var done = await emulator.CallAsync("offer.approve", $$"""{"offerVersionId":"{{version}}","approvalStepId":"{{steps[1]!["id"]}}","userId":"{{users[1]}}"}""");
        done.Result["offerStatus"]!.GetValue<string>().ShouldBe("WaitingOnCandidateResponse");
        done.Result["acceptanceStatus"]!.GetValue<string>().ShouldBe("WaitingOnResponse");
        done.Result["latestVersion"]!["approvalStatus"]!.GetValue<string>().ShouldBe("Approved");
        var completed = (await emulator.CallAsync("approval.list", $$"""{"entityType":"offer","entityId":"{{offer["id"]}}"}""")).Results.Single()!;
        completed["completedAt"].ShouldNotBeNull();
        completed["steps"]![1]!["approvers"]![0]!["decision"]!.GetValue<string>().ShouldBe("approve");
        (await emulator.CallAsync("offer.startApprovalProcess", $$"""{"offerVersionId":"{{version}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("approval.list", "{}", EmulatorFixture.NoFlagsKey)).Status.ShouldBe(403);
    }

    [Fact]
    public async Task Force_approve_and_an_empty_definition_both_approve_at_once()
    {
        var forced = await CreateOffer(await NewApplication("Force Approve"));
        var version = forced["latestVersion"]!["id"]!.GetValue<string>();
        (await emulator.CallAsync("offer.startApprovalProcess", $$"""{"offerVersionId":"{{version}}","note":"go"}""")).Result["latestVersion"]!["approvalStatus"]!.GetValue<string>().ShouldBe("WaitingOnApprovals");
        (await emulator.CallAsync("offer.approve", $$"""{"offerVersionId":"{{version}}"}""")).Result["offerStatus"]!.GetValue<string>().ShouldBe("WaitingOnCandidateResponse");

        var skipped = await CreateOffer(await NewApplication("Skip Approval"));
        (await emulator.CallAsync("approvalDefinition.update", $$"""{"entityType":"offer","entityId":"{{skipped["id"]}}","approvalStepDefinitions":[]}""")).Success.ShouldBeTrue();
        (await emulator.CallAsync("offer.info", $$"""{"offerId":"{{skipped["id"]}}"}""")).Result["latestVersion"]!["approvalStatus"]!.GetValue<string>().ShouldBe("Approved");
        (await emulator.CallAsync("approvalDefinition.update", $$"""{"entityType":"job","entityId":"{{skipped["id"]}}","approvalStepDefinitions":[]}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Offer_create_and_update_are_delivered_as_offerCreate_and_offerUpdate_matching_the_document()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        foreach (var type in new[] { "offerCreate", "offerUpdate" })
        {
            (await emulator.CallAsync("webhook.create", $$"""{"webhookType":"{{type}}","requestUrl":"{{receiver.Url(type)}}","secretToken":"secret-{{type}}"}""")).Success.ShouldBeTrue();
        }

        var offer = await CreateOffer(await NewApplication("Offer Webhooks"));
        await emulator.CallAsync("offer.update", $$$"""{"offerId":"{{{offer["id"]}}}","offerForm":{"fieldSubmissions":[]}}""");
        (await emulator.ControlAsync("webhooks/flush")).Status.ShouldBe(200);

        var created = receiver.Deliveries("offerCreate").Single().Json;
        created["data"]!["offer"]!["id"]!.GetValue<string>().ShouldBe(offer["id"]!.GetValue<string>());
        var updated = receiver.Deliveries("offerUpdate").Single().Json;
        updated["data"]!["offer"]!["latestVersion"]!["id"]!.GetValue<string>().ShouldNotBe(offer["latestVersion"]!["id"]!.GetValue<string>());
        foreach (var payload in new[] { created, updated })
        {
            AshbySchema.WebhookErrors(payload).Where(NullStrings).ShouldBeEmpty(payload.ToJsonString());
        }
    }

    [Fact]
    public async Task Offer_list_and_info_have_no_null_decidedAt_or_openingId()
    {
        var (rows, _) = await emulator.ReadAllAsync("offer.list");
        rows.ShouldContain(o => o["acceptanceStatus"]!.GetValue<string>() == "Pending");
        foreach (var o in rows)
        {
            if (o.TryGetPropertyValue("decidedAt", out var decided)) decided.ShouldNotBeNull();
            if (o["latestVersion"]!.AsObject().TryGetPropertyValue("openingId", out var opening)) opening.ShouldNotBeNull();
        }

        var page = await emulator.CallAsync("offer.list", "{}");
        AshbySchema.ResponseErrors("offer.list", page.Status, page.Body).Where(NullStrings).ShouldBeEmpty();
        var info = await emulator.CallAsync("offer.info", $$"""{"offerId":"{{rows.First(o => !o.ContainsKey("decidedAt"))["id"]}}"}""");
        AshbySchema.ResponseErrors("offer.info", info.Status, info.Body).Where(e => NullStrings(e) || e.Contains("formDefinition", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>The schema errors of the fields the emulator used to send as null (the author's managerId belongs to the user writer).</summary>
    private static bool NullStrings(string error) => error.Contains("decidedAt", StringComparison.Ordinal) || error.Contains("openingId", StringComparison.Ordinal);

    [Fact]
    public async Task A_hire_accepts_the_offer_made_through_the_api_and_keeps_its_custom_fields()
    {
        var applicationId = await NewApplication("Offer Then Hire");
        var offer = await CreateOffer(applicationId, 99_000);
        (await emulator.ControlAsync($"applications/{applicationId}/hire", """{"startDate":"2027-04-01","salary":101000}""")).Status.ShouldBe(200);
        var hired = await emulator.CallAsync("offer.info", $$"""{"offerId":"{{offer["id"]}}"}""");
        hired.Result["acceptanceStatus"]!.GetValue<string>().ShouldBe("Accepted");
        hired.Result["offerStatus"]!.GetValue<string>().ShouldBe("CandidateAccepted");
        hired.Result["decidedAt"].ShouldNotBeNull();
        hired.Result["versions"]!.AsArray().Count.ShouldBe(2);
        hired.Result["latestVersion"]!["salary"]!["value"]!.GetValue<double>().ShouldBe(101_000);
        hired.Result["latestVersion"]!["customFields"]!.AsArray().ShouldContain(f => f!["title"]!.GetValue<string>() == "Relocation Package" && f["value"]!.GetValue<bool>());
        (hired.Result["latestVersion"]!["openingId"]?.GetValue<string>()).ShouldBe(offer["latestVersion"]!["openingId"]?.GetValue<string>());
        (await emulator.CallAsync("offer.list", $$"""{"applicationId":"{{applicationId}}"}""")).Results.Count.ShouldBe(1);
        (await emulator.CallAsync("offerProcess.start", $$"""{"applicationId":"{{applicationId}}"}""")).Result["status"]!.GetValue<string>().ShouldBe("WaitingOnOfferCreation");
    }

    [Fact]
    public void The_generated_approvals_surveys_and_reports_are_deterministic_and_leave_the_rest_alone()
    {
        var a = OrganizationGenerator.Generate(5, OrganizationSize.Parse("small"));
        var b = OrganizationGenerator.Generate(5, OrganizationSize.Parse("small"));
        a.Approvals.Count.ShouldBeGreaterThan(5);
        a.Approvals.Select(x => (x.Id, x.EntityId, x.CompletedMs)).ShouldBe(b.Approvals.Select(x => (x.Id, x.EntityId, x.CompletedMs)));
        a.SurveySubmissions.Count.ShouldBeGreaterThan(3);
        a.SurveySubmissions.Select(x => x.ValuesJson).ShouldBe(b.SurveySubmissions.Select(x => x.ValuesJson));
        a.SurveyRequests.Select(x => x.Id).ShouldBe(b.SurveyRequests.Select(x => x.Id));
        a.Reports.Select(x => x.Id).ShouldBe(b.Reports.Select(x => x.Id));
        a.Approvals.Where(x => x.EntityType == "offer").Select(x => x.EntityId).ShouldBeSubsetOf(a.Offers.Where(o => o.Latest.ApprovalStatus is not null).Select(o => o.Id));
        a.SurveySubmissions.ShouldAllBe(s => s.CreatedMs <= a.BaseMs);
        OfferChanges.IsDecided(a.Offers.First(o => o.AcceptanceStatus == "Accepted")).ShouldBeTrue();
    }
}
