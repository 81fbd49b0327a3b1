using System.Globalization;
using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Each endpoint's results carry the documented fields, with documented enum values.</summary>
public class ShapeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Uuid = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private const string Timestamp = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    private static void HasFields(JsonObject row, params string[] fields)
    {
        foreach (var f in fields) row.ContainsKey(f).ShouldBeTrue($"missing '{f}' in {row.ToJsonString()}");
    }

    private static void OneOf(JsonNode? value, params string[] allowed) => allowed.ShouldContain(value!.GetValue<string>());

    private async Task<List<JsonObject>> All(string endpoint, string extra = "") => (await emulator.ReadAllAsync(endpoint, extra)).Rows;

    [Fact]
    public async Task Candidates_have_the_documented_fields()
    {
        var rows = await All("candidate.list");
        rows.Count.ShouldBeGreaterThan(150);
        foreach (var c in rows)
        {
            // Fields the document types as non-null (position, source, location…) are left out when empty; fraudStatus is nullable.
            HasFields(c, "id", "createdAt", "updatedAt", "name", "emailAddresses", "phoneNumbers", "socialLinks", "tags", "applicationIds", "fileHandles", "customFields", "profileUrl", "fraudStatus");
            foreach (var (name, value) in c.Where(p => p.Key != "fraudStatus")) value.ShouldNotBeNull($"{name} is null in {c.ToJsonString()}");
            c["id"]!.GetValue<string>().ShouldMatch(Uuid);
            c["createdAt"]!.GetValue<string>().ShouldMatch(Timestamp);
            var emails = c["emailAddresses"]!.AsArray();
            emails.Count(e => e!["isPrimary"]!.GetValue<bool>()).ShouldBe(1);
            foreach (var e in emails) OneOf(e!["type"], "Personal", "Work", "Other");
            c["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe(emails.Single(e => e!["isPrimary"]!.GetValue<bool>())!["value"]!.GetValue<string>());
            foreach (var s in c["socialLinks"]!.AsArray()) OneOf(s!["type"], "LinkedIn", "GitHub", "Twitter", "Medium", "StackOverflow", "YouTube", "CodePen", "Website");
            if (c["location"] is JsonObject l) l["locationComponents"]!.AsArray().Select(x => x!["type"]!.GetValue<string>()).ShouldBe(["Country", "Region", "City"]);
            if (c["fraudStatus"] is JsonNode f) OneOf(f, "Fraudulent", "NotFraudulent", "Unsure", "Unreviewed", "PassedFraudCheck");
        }

        rows.SelectMany(c => c["emailAddresses"]!.AsArray()).Select(e => e!["type"]!.GetValue<string>()).Distinct().Order().ShouldBe(["Other", "Personal", "Work"]);
        rows.ShouldContain(c => c["tags"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Applications_have_the_documented_fields_every_status_and_no_hiredAt()
    {
        var rows = await All("application.list");
        foreach (var a in rows)
        {
            HasFields(a, "id", "createdAt", "updatedAt", "status", "customFields", "candidate", "currentInterviewStage", "job", "hiringTeam");

            // Optional fields without a value are left out, not null (see docs/concepts/emulator.md).
            a.Where(p => p.Value is null).Select(p => p.Key).ShouldBeEmpty(a.ToJsonString());
            a.ContainsKey("hiredAt").ShouldBeFalse();
            a["candidate"]!.AsObject().Select(p => p.Key).ShouldBeSubsetOf(["id", "name", "primaryEmailAddress", "primaryPhoneNumber"]);
            a["job"]!.AsObject().Select(p => p.Key).ShouldBe(["id", "title", "locationId", "departmentId"]);
            var stage = a["currentInterviewStage"]!.AsObject();
            HasFields(stage, "id", "title", "type", "orderInInterviewPlan", "interviewPlanId");
            OneOf(stage["type"], "Lead", "PreInterviewScreen", "Active", "Offer", "Hired", "Archived");
            var status = a["status"]!.GetValue<string>();
            OneOf(a["status"], "Lead", "Active", "Archived", "Hired");
            (status == "Archived").ShouldBe(a["archiveReason"] is JsonObject, a.ToJsonString());
            if (a["archiveReason"] is JsonObject r) OneOf(r["reasonType"], "RejectedByCandidate", "RejectedByOrg", "Other");
            foreach (var m in a["hiringTeam"]!.AsArray()) HasFields(m!.AsObject(), "email", "firstName", "lastName", "role", "userId");
        }

        rows.Select(a => a["status"]!.GetValue<string>()).Distinct().Order().ShouldBe(["Active", "Archived", "Hired", "Lead"]);
    }

    [Fact]
    public async Task Application_info_adds_the_stage_history()
    {
        var id = (await All("application.list", "\"status\":\"Hired\"")).First()["id"]!.GetValue<string>();
        var r = await emulator.CallAsync("application.info", $$"""{"applicationId":"{{id}}"}""");
        var history = r.Result["applicationHistory"]!.AsArray();
        history.Count.ShouldBeGreaterThan(1);
        HasFields(history[0]!.AsObject(), "id", "stageId", "title", "enteredStageAt", "leftStageAt", "stageNumber", "allowedActions");
        history[^1]!["title"]!.GetValue<string>().ShouldBe("Hired");
    }

    [Fact]
    public async Task Jobs_have_the_documented_fields_and_every_status()
    {
        var rows = await All("job.list", "\"status\":[\"Draft\",\"Open\",\"Closed\",\"Archived\"]");
        foreach (var j in rows)
        {
            HasFields(j, "id", "title", "confidential", "status", "employmentType", "locationId", "departmentId", "defaultInterviewPlanId", "interviewPlanIds", "customFields",
                "jobPostingIds", "brandId", "hiringTeam", "author", "createdAt", "updatedAt");
            OneOf(j["employmentType"], "FullTime", "PartTime", "Intern", "Contract", "Temporary");
        }

        rows.Select(j => j["status"]!.GetValue<string>()).Distinct().Order().ShouldBe(["Archived", "Closed", "Draft", "Open"]);
        rows.ShouldContain(j => j["confidential"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Job_postings_have_list_fields_and_info_adds_descriptions()
    {
        var list = await emulator.CallAsync("jobPosting.list");
        list.Results.Count.ShouldBeGreaterThan(0);
        var p = list.Results[0]!.AsObject();
        HasFields(p, "id", "title", "jobId", "departmentName", "teamName", "locationName", "locationIds", "workplaceType", "employmentType", "isListed", "publishedDate",
            "externalLink", "applyLink", "shouldDisplayCompensationOnJobBoard", "updatedAt");
        OneOf(p["workplaceType"], "OnSite", "Hybrid", "Remote");
        p["applyLink"]!.GetValue<string>().ShouldStartWith("https://");
        var info = await emulator.CallAsync("jobPosting.info", $$"""{"jobPostingId":"{{p["id"]}}"}""");
        HasFields(info.Result, "descriptionPlain", "descriptionHtml", "descriptionParts", "linkedData", "applicationFormDefinition", "compensation", "isRemote");
        info.Result["descriptionHtml"]!.GetValue<string>().ShouldContain("<p>");
        info.Result["descriptionPlain"]!.GetValue<string>().ShouldNotContain("<p>");
    }

    [Fact]
    public async Task Openings_have_a_state_and_a_latest_version()
    {
        var rows = await All("opening.list");
        foreach (var o in rows)
        {
            HasFields(o, "id", "isArchived", "openingState", "latestVersion");
            OneOf(o["openingState"], "Approved", "Closed", "Draft", "Filled", "Open");
            HasFields(o["latestVersion"]!.AsObject(), "id", "identifier", "jobIds", "locationIds", "employmentType", "targetHireDate", "customFields");
        }

        var one = await emulator.CallAsync("opening.info", $$"""{"openingId":"{{rows[0]["id"]}}"}""");
        one.Result["id"]!.GetValue<string>().ShouldBe(rows[0]["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Offers_have_latest_version_with_salary_and_start_date_consistent_with_the_application()
    {
        var offers = await All("offer.list");
        offers.Count.ShouldBeGreaterThan(10);
        var applications = (await All("application.list")).ToDictionary(a => a["id"]!.GetValue<string>());
        foreach (var o in offers)
        {
            HasFields(o, "id", "applicationId", "acceptanceStatus", "offerStatus", "latestVersion");
            o.ContainsKey("decidedAt").ShouldBe(o["acceptanceStatus"]!.GetValue<string>() is "Accepted" or "Declined");
            OneOf(o["acceptanceStatus"], "Accepted", "Declined", "Pending", "Created", "Cancelled", "WaitingOnResponse");
            OneOf(o["offerStatus"], "WaitingOnApprovalStart", "WaitingOnOfferApproval", "WaitingOnApprovalDefinition", "WaitingOnCandidateResponse", "CandidateRejected", "CandidateAccepted", "OfferCancelled");
            var v = o["latestVersion"]!.AsObject();
            HasFields(v, "id", "startDate", "salary", "createdAt", "openingId", "customFields", "author", "approvalStatus");
            v["salary"]!["currencyCode"]!.GetValue<string>().Length.ShouldBe(3);
            v["salary"]!["value"]!.GetValue<double>().ShouldBeGreaterThan(0);
            var status = applications[o["applicationId"]!.GetValue<string>()]["status"]!.GetValue<string>();
            if (o["acceptanceStatus"]!.GetValue<string>() == "Accepted") status.ShouldBe("Hired");
            if (status == "Hired") o["acceptanceStatus"]!.GetValue<string>().ShouldBe("Accepted");
        }

        var info = await emulator.CallAsync("offer.info", $$"""{"offerId":"{{offers[0]["id"]}}"}""");
        info.Result["versions"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Departments_locations_and_users_have_their_fields_and_hierarchies()
    {
        var departments = await All("department.list");
        foreach (var d in departments) HasFields(d, "id", "name", "isArchived", "createdAt", "updatedAt", "extraData");
        departments.ShouldContain(d => d["parentId"] != null);
        var locations = await All("location.list", "\"includeLocationHierarchy\":true");
        foreach (var l in locations)
        {
            HasFields(l, "id", "name", "isArchived", "isRemote", "type");
            OneOf(l["type"], "Location", "LocationHierarchy");
        }

        var regionIds = locations.Where(l => l["type"]!.GetValue<string>() == "LocationHierarchy").Select(l => l["id"]!.GetValue<string>()).ToList();
        regionIds.ShouldNotBeEmpty();
        locations.ShouldContain(l => l["parentLocationId"] != null && regionIds.Contains(l["parentLocationId"]!.GetValue<string>()));
        var users = await All("user.list", "\"includeDeactivated\":true");
        foreach (var u in users)
        {
            HasFields(u, "id", "firstName", "lastName", "email", "globalRole", "isEnabled", "updatedAt");
            OneOf(u["globalRole"], "Organization Admin", "Elevated Access", "Limited Access", "External Recruiter");
        }

        users.ShouldContain(u => !u["isEnabled"]!.GetValue<bool>());
        var one = await emulator.CallAsync("user.search", $$"""{"email":"{{users[0]["email"]!.GetValue<string>().ToUpperInvariant()}}"}""");
        one.Results.Single()!["id"]!.GetValue<string>().ShouldBe(users[0]["id"]!.GetValue<string>());
        (await emulator.CallAsync("user.search", """{"email":"nobody@nowhere.test"}""")).Results.ShouldBeEmpty();
    }

    [Fact]
    public async Task Custom_fields_cover_object_types_and_field_types_and_values_are_typed()
    {
        var fields = await All("customField.list", "\"includeArchived\":true");
        foreach (var f in fields) HasFields(f, "id", "isPrivate", "title", "objectType", "isArchived", "fieldType", "isRequired");
        fields.Select(f => f["objectType"]!.GetValue<string>()).Distinct().Order().ShouldBe(["Application", "Candidate", "Job", "Offer", "Opening"]);
        fields.Select(f => f["fieldType"]!.GetValue<string>()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
        var byId = fields.ToDictionary(f => f["id"]!.GetValue<string>());
        var values = (await All("candidate.list")).SelectMany(c => c["customFields"]!.AsArray()).Select(v => v!.AsObject()).ToList();
        foreach (var v in values)
        {
            v.ContainsKey("fieldType").ShouldBeFalse();
            var type = byId[v["id"]!.GetValue<string>()]["fieldType"]!.GetValue<string>();
            var value = v["value"]!;
            switch (type)
            {
                case "Boolean": value.GetValueKind().ShouldBeOneOf(System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False); break;
                case "Number": value.GetValue<double>(); break;
                case "Currency": value["currencyCode"]!.GetValue<string>().ShouldBe("USD"); break;
                case "ValueSelect": v["valueLabel"]!.GetValue<string>().ShouldNotBeEmpty(); break;
                case "MultiValueSelect": value.AsArray().Count.ShouldBe(v["valueLabel"]!.AsArray().Count); break;
                default: value.GetValue<string>().ShouldNotBeEmpty(); break;
            }
        }
    }

    [Fact]
    public async Task Metadata_lists_have_their_shapes()
    {
        var sources = await emulator.CallAsync("source.list");
        sources.Body["moreDataAvailable"]!.GetValue<bool>().ShouldBeFalse();
        HasFields(sources.Results[0]!.AsObject(), "id", "title", "isArchived", "sourceType");
        var reasons = await emulator.CallAsync("archiveReason.list");
        foreach (var r in reasons.Results) HasFields(r!.AsObject(), "id", "text", "reasonType", "isArchived");
        var roles = await emulator.CallAsync("hiringTeamRole.list", """{"namesOnly":false}""");
        roles.Results.Select(r => r!["title"]!.GetValue<string>()).ShouldContain("Recruiter");
        (await emulator.CallAsync("hiringTeamRole.list", """{"namesOnly":true}""")).Results.Select(r => r!.GetValue<string>()).ShouldContain("Hiring Manager");
        var tags = await All("candidateTag.list");
        foreach (var t in tags) HasFields(t, "id", "title", "isArchived");
    }

    [Fact]
    public async Task Hiring_team_roles_are_titles_only_unless_namesOnly_is_false()
    {
        (await emulator.CallAsync("hiringTeamRole.list")).Results.Select(r => r!.GetValueKind()).Distinct().ShouldBe([System.Text.Json.JsonValueKind.String]);
        (await emulator.CallAsync("hiringTeamRole.list", """{"namesOnly":null}""")).Results[0]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.String);
        (await emulator.CallAsync("hiringTeamRole.list", """{"namesOnly":false}""")).Results[0]!.AsObject().Select(p => p.Key).ShouldBe(["id", "title"]);
    }

    [Fact]
    public async Task Interview_plans_list_their_stages_in_order_with_every_stage_type()
    {
        var plans = await All("interviewPlan.list");
        HasFields(plans[0], "id", "title", "isArchived");
        var stages = await emulator.CallAsync("interviewStage.list", $$"""{"interviewPlanId":"{{plans[0]["id"]}}"}""");
        stages.Results.Select(s => s!["orderInInterviewPlan"]!.GetValue<int>()).ShouldBeInOrder();
        stages.Results.Select(s => s!["type"]!.GetValue<string>()).Distinct().ShouldBe(["Lead", "PreInterviewScreen", "Active", "Offer", "Hired", "Archived"]);
        stages.Results.ShouldAllBe(s => s!["interviewPlanId"]!.GetValue<string>() == plans[0]["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Candidate_search_matches_any_email_exactly_and_name_by_substring()
    {
        var candidate = (await emulator.CallAsync("candidate.list", """{"limit":5}""")).Results[3]!.AsObject();
        var email = candidate["primaryEmailAddress"]!["value"]!.GetValue<string>();
        var byEmail = await emulator.CallAsync("candidate.search", $$"""{"email":"{{email.ToUpperInvariant()}}"}""");
        byEmail.Results.Single()!["id"]!.GetValue<string>().ShouldBe(candidate["id"]!.GetValue<string>());
        byEmail.Body.AsObject().ContainsKey("moreDataAvailable").ShouldBeFalse();
        var lastName = candidate["name"]!.GetValue<string>().Split(' ')[1];
        var byName = await emulator.CallAsync("candidate.search", $$"""{"name":"{{lastName.ToLower(CultureInfo.InvariantCulture)}}"}""");
        byName.Results.ShouldContain(c => c!["id"]!.GetValue<string>() == candidate["id"]!.GetValue<string>());
        byName.Results.ShouldAllBe(c => c!["name"]!.GetValue<string>().Contains(lastName, StringComparison.OrdinalIgnoreCase));
    }
}
