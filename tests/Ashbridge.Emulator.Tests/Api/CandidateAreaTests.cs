using System.Net;
using System.Text.Json.Nodes;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Files, tags, custom field values, projects, fraud, referrals and the other candidate-side writes.</summary>
public class CandidateAreaTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewCandidate(string name)
    {
        var created = await emulator.CallAsync("candidate.create", $$"""{"name":"{{name}}","email":"{{name.Replace(' ', '.')}}@example.test"}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        return created.Result["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> Info(string id) => (await emulator.CallAsync("candidate.info", $$"""{"id":"{{id}}"}""")).Result;

    private async Task<List<JsonObject>> Candidates() => (await emulator.ReadAllAsync("candidate.list")).Rows;

    private async Task<JsonObject> Field(string objectType, string fieldType) =>
        (await emulator.CallAsync("customField.list", """{"limit":100}""")).Results.Select(r => r!.AsObject())
            .First(f => f["objectType"]!.GetValue<string>() == objectType && f["fieldType"]!.GetValue<string>() == fieldType);

    [Fact]
    public async Task Every_file_handle_a_candidate_carries_resolves_to_a_downloadable_file()
    {
        var handles = (await Candidates()).SelectMany(c => c["fileHandles"]!.AsArray().Select(h => h!["handle"]!.GetValue<string>())).ToList();
        handles.Count.ShouldBeGreaterThan(100);
        foreach (var handle in handles)
        {
            var info = await emulator.CallAsync("file.info", $$"""{"fileHandle":"{{handle}}"}""");
            info.Success.ShouldBeTrue($"{handle}: {info.Body.ToJsonString()}");
        }

        var pdf = handles.First(h => h.StartsWith("resume-", StringComparison.Ordinal));
        var url = (await emulator.CallAsync("file.info", $$"""{"fileHandle":"{{pdf}}"}""")).Result["url"]!.GetValue<string>();
        url.ShouldStartWith(emulator.Host.BaseUrl.ToString().TrimEnd('/') + "/_emulator/files/");
        using var response = await emulator.Http.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 8).ShouldBe("%PDF-1.4");
        System.Text.Encoding.ASCII.GetString(bytes).ShouldEndWith("%%EOF\n");
    }

    [Fact]
    public async Task A_file_link_is_refused_when_tampered_with_or_expired_and_unknown_handles_are_not_found()
    {
        var handle = (await Candidates()).First(c => c["resumeFileHandle"] is not null)["resumeFileHandle"]!["handle"]!.GetValue<string>();
        var url = (await emulator.CallAsync("file.info", $$"""{"fileHandle":"{{handle}}"}""")).Result["url"]!.GetValue<string>();
        using (var tampered = await emulator.Http.GetAsync(url[..^4] + "0000", Ct)) tampered.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        emulator.Time.Advance(TimeSpan.FromHours(2));
        using (var expired = await emulator.Http.GetAsync(url, Ct)) expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await emulator.CallAsync("file.info", """{"fileHandle":"resume-00000000000040008000000000000000"}""")).ErrorCode.ShouldBe("file_not_found");
        (await emulator.CallAsync("file.info", "{}")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task An_upload_through_a_presigned_handle_attaches_to_a_candidate_and_downloads_byte_for_byte()
    {
        var id = await NewCandidate("Upload Person");
        var created = (await emulator.CallAsync("file.createFileUploadHandle", """{"fileUploadContext":"CandidateResume","filename":"cv.txt","contentType":"text/plain","contentLength":11}""")).Result;
        var handle = created["handle"]!.GetValue<string>();
        (await emulator.CallAsync("candidate.uploadResume", $$"""{"candidateId":"{{id}}","resumeHandle":"{{handle}}"}""")).ErrorCode.ShouldBe("invalid_input");

        using (var form = new MultipartFormDataContent())
        {
            foreach (var (name, value) in created["fields"]!.AsObject()) form.Add(new StringContent(value!.GetValue<string>()), name);
            form.Add(new ByteArrayContent("hello world"u8.ToArray()), "file", "cv.txt");
            using var posted = await emulator.Http.PostAsync(created["url"]!.GetValue<string>(), form, Ct);
            posted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var before = (await Info(id))["updatedAt"]!.GetValue<string>();
        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        var attached = await emulator.CallAsync("candidate.uploadResume", $$"""{"candidateId":"{{id}}","resumeHandle":"{{handle}}"}""");
        attached.Success.ShouldBeTrue(attached.Body.ToJsonString());
        attached.Result["resumeFileHandle"]!["name"]!.GetValue<string>().ShouldBe("cv.txt");
        attached.Result["updatedAt"]!.GetValue<string>().ShouldNotBe(before);
        var resumeHandle = (await Info(id))["resumeFileHandle"]!["handle"]!.GetValue<string>();
        var url = (await emulator.CallAsync("file.info", $$"""{"fileHandle":"{{resumeHandle}}"}""")).Result["url"]!.GetValue<string>();
        (await emulator.Http.GetStringAsync(url, Ct)).ShouldBe("hello world");

        // The same upload attached as a file to another candidate is a copy with its own handle.
        var other = await NewCandidate("Upload Other");
        var file = await emulator.CallAsync("candidate.uploadFile", $$"""{"candidateId":"{{other}}","fileHandle":"{{handle}}"}""");
        file.Result["fileHandles"]!.AsArray().Single()!["handle"]!.GetValue<string>().ShouldNotBe(resumeHandle);
        file.Result["resumeFileHandle"].ShouldBeNull();
    }

    [Fact]
    public async Task An_uploaded_resume_replaces_the_generated_one_which_stays_among_the_files()
    {
        var c = (await Candidates()).First(x => x["resumeFileHandle"] is not null && x["fileHandles"]!.AsArray().Count == 1);
        var id = c["id"]!.GetValue<string>();
        var oldHandle = c["resumeFileHandle"]!["handle"]!.GetValue<string>();
        var created = (await emulator.CallAsync("file.createFileUploadHandle", """{"fileUploadContext":"CandidateResume","filename":"new.pdf","contentType":"application/pdf","contentLength":3}""")).Result;
        using (var body = new ByteArrayContent("pdf"u8.ToArray())) (await emulator.Http.PutAsync(created["url"]!.GetValue<string>(), body, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var updated = (await emulator.CallAsync("candidate.uploadResume", $$"""{"candidateId":"{{id}}","resumeHandle":"{{created["handle"]}}"}""")).Result;
        updated["resumeFileHandle"]!["name"]!.GetValue<string>().ShouldBe("new.pdf");
        updated["fileHandles"]!.AsArray().Select(h => h!["handle"]!.GetValue<string>()).ShouldContain(oldHandle);
        (await emulator.CallAsync("file.info", $$"""{"fileHandle":"{{oldHandle}}"}""")).Success.ShouldBeTrue();
    }

    [Fact]
    public async Task A_merged_away_candidates_files_and_projects_move_to_the_survivor_and_keep_resolving()
    {
        var from = (await Candidates()).First(c => c["resumeFileHandle"] is not null);
        var handle = from["resumeFileHandle"]!["handle"]!.GetValue<string>();
        var into = await NewCandidate("Merge Survivor");
        var project = (await emulator.ReadAllAsync("project.list")).Rows.First(p => !p["confidential"]!.GetValue<bool>())["id"]!.GetValue<string>();
        (await emulator.CallAsync("candidate.addProject", $$"""{"candidateId":"{{from["id"]}}","projectId":"{{project}}"}""")).Success.ShouldBeTrue();
        (await emulator.ControlAsync($"candidates/{from["id"]}/merge", $$"""{"intoCandidateId":"{{into}}"}""")).Status.ShouldBe(200);
        var survivor = await Info(into);
        survivor["resumeFileHandle"]!["handle"]!.GetValue<string>().ShouldBe(handle);
        (await emulator.CallAsync("file.info", $$"""{"fileHandle":"{{handle}}"}""")).Success.ShouldBeTrue();
        (await emulator.CallAsync("candidate.listProjects", $$"""{"candidateId":"{{into}}"}""")).Results.Select(p => p!["id"]!.GetValue<string>()).ShouldContain(project);
    }

    [Fact]
    public async Task RemoveTag_takes_the_tag_off_bumps_the_candidate_and_shows_in_an_incremental_sync()
    {
        var id = await NewCandidate("Tag Person");
        var tag = (await emulator.CallAsync("candidateTag.create", """{"title":"Removable"}""")).Result["id"]!.GetValue<string>();
        (await emulator.CallAsync("candidate.addTag", $$"""{"candidateId":"{{id}}","tagId":"{{tag}}"}""")).Result["tags"]!.AsArray().Count.ShouldBe(1);
        var (_, token) = await emulator.ReadAllAsync("candidate.list");
        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        var removed = await emulator.CallAsync("candidate.removeTag", $$"""{"candidateId":"{{id}}","tagId":"{{tag}}"}""");
        removed.Result["tags"]!.AsArray().ShouldBeEmpty();
        (await Info(id))["tags"]!.AsArray().ShouldBeEmpty();
        var changed = await emulator.CallAsync("candidate.list", $$"""{"syncToken":"{{token}}"}""");
        changed.Results.Select(r => r!["id"]!.GetValue<string>()).ShouldBe([id]);
        (await emulator.CallAsync("candidate.removeTag", $$"""{"candidateId":"{{id}}","tagId":"00000000-0000-4000-8000-000000000000"}""")).ErrorCode.ShouldBe("tag_not_found");
        (await emulator.CallAsync("candidate.removeTag", $$"""{"candidateId":"{{id}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("tagId");
        (await emulator.CallAsync("candidate.removeTag", $$"""{"candidateId":"{{id}}","tagId":"{{tag}}"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }

    [Fact]
    public async Task SetValue_stores_a_checked_value_visible_to_later_reads_and_null_clears_it()
    {
        var id = await NewCandidate("Field Person");
        var number = (await Field("Candidate", "Number"))["id"]!.GetValue<string>();
        var select = await Field("Candidate", "ValueSelect");
        var set = await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Candidate","fieldId":"{{number}}","fieldValue":12}""");
        set.Result["value"]!.GetValue<double>().ShouldBe(12);
        (await Info(id))["customFields"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == number)!["value"]!.GetValue<double>().ShouldBe(12);

        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Candidate","fieldId":"{{number}}","fieldValue":"twelve"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Candidate","fieldId":"{{select["id"]}}","fieldValue":"Underwater"}""")).ErrorCode.ShouldBe("invalid_input");
        var option = select["selectableValues"]![0]!["value"]!.GetValue<string>();
        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Candidate","fieldId":"{{select["id"]}}","fieldValue":"{{option}}"}""")).Result["valueLabel"]!.GetValue<string>().ShouldBe(option);
        var jobField = (await Field("Job", "String"))["id"]!.GetValue<string>();
        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Candidate","fieldId":"{{jobField}}","fieldValue":"x"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"00000000-0000-4000-8000-000000000000","objectType":"Candidate","fieldId":"{{number}}","fieldValue":1}""")).ErrorCode.ShouldBe("candidate_not_found");
        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Offer","fieldId":"{{number}}","fieldValue":1}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Candidate","fieldId":"{{number}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("fieldValue");

        (await emulator.CallAsync("customField.setValue", $$"""{"objectId":"{{id}}","objectType":"Candidate","fieldId":"{{number}}","fieldValue":null}""")).Success.ShouldBeTrue();
        (await Info(id))["customFields"]!.AsArray().ShouldNotContain(f => f!["id"]!.GetValue<string>() == number);
    }

    [Fact]
    public async Task SetValues_on_a_job_and_an_application_bump_them_for_incremental_syncs()
    {
        var job = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.First(j => !j["confidential"]!.GetValue<bool>());
        var jobId = job["id"]!.GetValue<string>();
        var band = (await Field("Job", "CompensationRange"))["id"]!.GetValue<string>();
        var cost = (await Field("Job", "String"))["id"]!.GetValue<string>();
        var (_, token) = await emulator.ReadAllAsync("job.list");
        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        var set = await emulator.CallAsync("customField.setValues", $$"""{"objectId":"{{jobId}}","objectType":"Job","values":[{"fieldId":"{{cost}}","fieldValue":"CC-42"},{"fieldId":"{{band}}","fieldValue":{"type":"compensation-range","minValue":100,"maxValue":200,"currencyCode":"EUR","interval":"1 MONTH"} }]}""");
        set.Success.ShouldBeTrue(set.Body.ToJsonString());
        set.Results.Count.ShouldBe(2);
        var read = (await emulator.CallAsync("job.info", $$"""{"id":"{{jobId}}"}""")).Result["customFields"]!.AsArray();
        read.Single(f => f!["id"]!.GetValue<string>() == cost)!["value"]!.GetValue<string>().ShouldBe("CC-42");
        var range = read.Single(f => f!["id"]!.GetValue<string>() == band)!["value"]!;
        range["currencyCode"]!.GetValue<string>().ShouldBe("EUR");
        range["interval"]!.GetValue<string>().ShouldBe("1 MONTH");
        (await emulator.CallAsync("job.list", $$"""{"syncToken":"{{token}}"}""")).Results.Select(r => r!["id"]!.GetValue<string>()).ShouldContain(jobId);

        // One bad value refuses the whole call: nothing is stored.
        var refused = await emulator.CallAsync("customField.setValues", $$"""{"objectId":"{{jobId}}","objectType":"Job","values":[{"fieldId":"{{cost}}","fieldValue":"CC-43"},{"fieldId":"{{band}}","fieldValue":{"type":"compensation-range","minValue":1,"maxValue":2,"currencyCode":"EUR","interval":"fortnightly"} }]}""");
        refused.ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("job.info", $$"""{"id":"{{jobId}}"}""")).Result["customFields"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == cost)!["value"]!.GetValue<string>().ShouldBe("CC-42");

        var application = (await emulator.CallAsync("application.list", """{"limit":50}""")).Results.First()!["id"]!.GetValue<string>();
        var priority = await Field("Application", "ValueSelect");
        var value = priority["selectableValues"]![1]!["value"]!.GetValue<string>();
        (await emulator.CallAsync("customField.setValues", $$"""{"objectId":"{{application}}","objectType":"Application","values":[{"fieldId":"{{priority["id"]}}","fieldValue":"{{value}}"}]}""")).Success.ShouldBeTrue();
        (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{application}}"}""")).Result["customFields"]!.AsArray()
            .Single(f => f!["id"]!.GetValue<string>() == priority["id"]!.GetValue<string>())!["value"]!.GetValue<string>().ShouldBe(value);
    }

    [Fact]
    public void Custom_field_values_on_applications_and_jobs_publish_their_update_webhooks()
    {
        var org = OrganizationGenerator.Generate(11, OrganizationSize.Parse("small"));
        var a = org.Applications[0];
        var field = org.CustomFields.First(f => f.ObjectType == "Application" && f.FieldType == "Number");
        CustomFieldChanges.SetValues(org, org.BaseMs, a, [new(new CustomFieldValue(field, number: 3), Clear: false)]).Select(e => e.Action).ShouldBe(["applicationUpdate"]);
        a.CustomFields.Single(v => v.Field == field).Number.ShouldBe(3);
        CustomFieldChanges.SetValues(org, org.BaseMs, org.Jobs[0], []).Select(e => e.Action).ShouldBe(["jobUpdate"]);
        CustomFieldChanges.SetValues(org, org.BaseMs, org.Candidates[0], []).ShouldBeEmpty();
    }

    [Fact]
    public async Task Projects_list_search_and_membership_follow_writes_and_hide_confidential_ones()
    {
        var (projects, _) = await emulator.ReadAllAsync("project.list");
        projects.Count.ShouldBeGreaterThanOrEqualTo(6);
        projects.ShouldContain(p => p["isArchived"]!.GetValue<bool>());
        var confidential = projects.First(p => p["confidential"]!.GetValue<bool>())["id"]!.GetValue<string>();
        (await emulator.ReadAllAsync("project.list", key: EmulatorFixture.NoFlagsKey)).Rows.ShouldNotContain(p => p["id"]!.GetValue<string>() == confidential);
        (await emulator.CallAsync("project.info", $$"""{"projectId":"{{confidential}}"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("project_not_found");
        var project = projects.First(p => !p["confidential"]!.GetValue<bool>());
        var projectId = project["id"]!.GetValue<string>();
        (await emulator.CallAsync("project.info", $$"""{"projectId":"{{projectId}}"}""")).Result["title"]!.GetValue<string>().ShouldBe(project["title"]!.GetValue<string>());
        (await emulator.CallAsync("project.search", $$"""{"title":"{{project["title"]!.GetValue<string>().ToUpperInvariant()}}"}""")).Results.ShouldContain(p => p!["id"]!.GetValue<string>() == projectId);

        var id = await NewCandidate("Project Person");
        (await emulator.CallAsync("candidate.listProjects", $$"""{"candidateId":"{{id}}"}""")).Results.ShouldBeEmpty();
        (await emulator.CallAsync("candidate.addProject", $$"""{"candidateId":"{{id}}","projectId":"{{projectId}}"}""")).Success.ShouldBeTrue();
        (await emulator.CallAsync("candidate.listProjects", $$"""{"candidateId":"{{id}}"}""")).Results.Select(p => p!["id"]!.GetValue<string>()).ShouldBe([projectId]);
        (await emulator.CallAsync("candidate.removeProject", $$"""{"candidateId":"{{id}}","projectId":"{{projectId}}"}""")).Success.ShouldBeTrue();
        (await emulator.CallAsync("candidate.listProjects", $$"""{"candidateId":"{{id}}"}""")).Results.ShouldBeEmpty();
        (await emulator.CallAsync("candidate.listProjects", "{}")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Anonymize_needs_every_application_closed_and_strips_personal_data()
    {
        var active = (await Candidates()).First(c => c["applicationIds"]!.AsArray().Count > 0);
        var statuses = new List<string>();
        foreach (var app in active["applicationIds"]!.AsArray())
        {
            statuses.Add((await emulator.CallAsync("application.info", $$"""{"applicationId":"{{app}}"}""")).Result["status"]!.GetValue<string>());
        }

        var refused = await emulator.CallAsync("candidate.anonymize", $$"""{"candidateId":"{{active["id"]}}"}""");
        if (statuses.Any(s => s is "Active" or "Lead")) refused.ErrorCode.ShouldBe("invalid_input");

        var id = await NewCandidate("Private Person");
        var anonymized = (await emulator.CallAsync("candidate.anonymize", $$"""{"candidateId":"{{id}}"}""")).Result;
        anonymized["name"]!.GetValue<string>().ShouldNotContain("Private");
        anonymized["emailAddresses"]!.AsArray().ShouldBeEmpty();
        anonymized["primaryEmailAddress"].ShouldBeNull();
        (await emulator.CallAsync("candidate.search", """{"email":"Private.Person@example.test"}""")).Results.ShouldBeEmpty();
    }

    [Fact]
    public async Task Tags_are_created_once_per_title_and_archiving_hides_them_from_the_default_list()
    {
        var first = (await emulator.CallAsync("candidateTag.create", """{"title":"Hackathon 2026"}""")).Result;
        var again = (await emulator.CallAsync("candidateTag.create", """{"title":" hackathon 2026 "}""")).Result;
        again["id"]!.GetValue<string>().ShouldBe(first["id"]!.GetValue<string>());
        var id = first["id"]!.GetValue<string>();
        var (_, token) = await emulator.ReadAllAsync("candidateTag.list");
        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        (await emulator.CallAsync("candidateTag.archive", $$"""{"tagId":"{{id}}"}""")).Result["isArchived"]!.GetValue<bool>().ShouldBeTrue();
        (await emulator.ReadAllAsync("candidateTag.list")).Rows.ShouldNotContain(t => t["id"]!.GetValue<string>() == id);
        (await emulator.ReadAllAsync("candidateTag.list", "\"includeArchived\":true")).Rows.ShouldContain(t => t["id"]!.GetValue<string>() == id);
        (await emulator.CallAsync("candidateTag.list", $$"""{"syncToken":"{{token}}"}""")).Results.Select(t => t!["id"]!.GetValue<string>()).ShouldBe([id]);
        (await emulator.CallAsync("candidateTag.create", """{"title":"x"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }

    [Fact]
    public async Task Custom_fields_can_be_created_and_their_options_extended_without_reordering()
    {
        (await emulator.CallAsync("customField.create", """{"fieldType":"ValueSelect","objectType":"Candidate","title":"No options"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("customField.create", """{"fieldType":"Colour","objectType":"Candidate","title":"Bad"}""")).ErrorCode.ShouldBe("invalid_input");
        var field = (await emulator.CallAsync("customField.create", """{"fieldType":"ValueSelect","objectType":"Opening_Version","title":"Region","selectableValues":[{"label":"EMEA","value":"emea"},{"label":"APAC","value":"apac"}]}""")).Result;
        field["objectType"]!.GetValue<string>().ShouldBe("Opening");
        var id = field["id"]!.GetValue<string>();
        var updated = (await emulator.CallAsync("customField.updateSelectableValues", $$"""{"customFieldId":"{{id}}","selectableValues":[{"label":"Europe","value":"emea","isArchived":true},{"label":"Americas","value":"amer"}]}""")).Result;
        updated["selectableValues"]!.AsArray().Select(v => $"{v!["value"]}:{v["label"]}:{v["isArchived"]}").ShouldBe(["emea:Europe:true", "apac:APAC:false", "amer:Americas:false"]);
        (await emulator.CallAsync("customField.info", $$"""{"customFieldId":"{{id}}"}""")).Result["selectableValues"]!.AsArray().Count.ShouldBe(3);
        var number = (await Field("Candidate", "Number"))["id"]!.GetValue<string>();
        (await emulator.CallAsync("customField.updateSelectableValues", $$"""{"customFieldId":"{{number}}","selectableValues":[{"label":"a","value":"a"}]}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Fraud_status_writes_show_on_the_candidate_and_generated_fraud_checks_carry_signals()
    {
        var flagged = (await Candidates()).First(c => c["fraudStatus"]?.GetValue<string>() is "Unreviewed" or "Unsure" or "NotFraudulent");
        var checks = await emulator.CallAsync("candidate.listFraudChecks", $$"""{"candidateId":"{{flagged["id"]}}"}""");
        checks.Results.Single()!["fraudSignals"]!.AsArray().ShouldNotBeEmpty();
        (await emulator.CallAsync("candidate.listFraudChecks", $$"""{"candidateId":"{{flagged["id"]}}"}""")).Body.ToJsonString().ShouldBe(checks.Body.ToJsonString());
        var id = await NewCandidate("Fraud Person");
        (await emulator.CallAsync("candidate.listFraudChecks", $$"""{"candidateId":"{{id}}"}""")).Results.ShouldBeEmpty();
        (await emulator.CallAsync("candidate.setFraudStatus", $$"""{"candidateId":"{{id}}","fraudStatus":"Fraudulent"}""")).Result["fraudStatus"]!.GetValue<string>().ShouldBe("Fraudulent");
        (await Info(id))["fraudStatus"]!.GetValue<string>().ShouldBe("Fraudulent");
        (await emulator.CallAsync("candidate.setFraudStatus", $$"""{"candidateId":"{{id}}","fraudStatus":"PassedFraudCheck"}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Client_info_exists_for_applications_that_came_through_a_posting()
    {
        foreach (var c in (await Candidates()).Where(c => c["applicationIds"]!.AsArray().Count > 0).Take(40))
        {
            var info = await emulator.CallAsync("candidate.listClientInfo", $$"""{"candidateId":"{{c["id"]}}"}""");
            info.Success.ShouldBeTrue();
            foreach (var row in info.Results)
            {
                c["applicationIds"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain(row!["relatedEntityId"]!.GetValue<string>());
                row["ipAddress"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            }
        }
    }

    [Fact]
    public async Task AddEmailMessage_validates_and_answers_the_stored_message()
    {
        var id = await NewCandidate("Mail Person");
        var added = await emulator.CallAsync("candidate.addEmailMessage", $$"""{"candidateId":"{{id}}","emailProviderEmailId":"m-1","subject":"Hi","from":"a@b.test","to":"c@d.test","body":"Hello","cc":"e@f.test"}""");
        added.Result["threadId"]!.GetValue<string>().ShouldBe("m-1");
        added.Result["cc"]!.GetValue<string>().ShouldBe("e@f.test");
        added.Result["messageUrl"].ShouldBeNull();
        (await emulator.CallAsync("candidate.addEmailMessage", $$"""{"candidateId":"{{id}}","emailProviderEmailId":"m-2","subject":"Hi","from":"a@b.test","to":"c@d.test"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("body");
    }

    [Fact]
    public async Task A_referral_creates_the_candidate_and_an_application_on_the_job_credited_to_the_referrer()
    {
        var form = (await emulator.CallAsync("referralForm.info")).Result;
        form["isDefaultForm"]!.GetValue<bool>().ShouldBeTrue();
        var paths = form["formDefinition"]!["sections"]![0]!["fields"]!.AsArray().Select(f => f!["field"]!["path"]!.GetValue<string>()).ToList();
        paths.ShouldContain("_systemfield_job");
        var job = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.First(j => !j["confidential"]!.GetValue<bool>());
        var user = (await emulator.CallAsync("user.list", """{"limit":20}""")).Results.First(u => u!["isEnabled"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        var referral = await emulator.CallAsync("referral.create", $$"""{"id":"{{form["id"]}}","creditedToUserId":"{{user}}","fieldSubmissions":[{"path":"_systemfield_name","value":"Referred Person"},{"path":"_systemfield_email","value":"referred@example.test"},{"path":"_systemfield_job","value":{"title":"x","value":"{{job["id"]}}"} }]}""");
        referral.Success.ShouldBeTrue(referral.Body.ToJsonString());
        referral.Result["job"]!["id"]!.GetValue<string>().ShouldBe(job["id"]!.GetValue<string>());
        referral.Result["creditedToUser"]!["id"]!.GetValue<string>().ShouldBe(user);
        var candidate = (await emulator.CallAsync("candidate.search", """{"email":"referred@example.test"}""")).Results.Single()!;
        candidate["applicationIds"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([referral.Result["id"]!.GetValue<string>()]);
        (await emulator.CallAsync("referral.create", $$"""{"id":"{{form["id"]}}","creditedToUserId":"{{user}}","fieldSubmissions":[{"path":"_systemfield_name","value":"No Email"}]}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Candidate_fields_without_a_value_are_left_out_rather_than_null()
    {
        var id = await NewCandidate("Sparse Person");
        var info = await Info(id);
        foreach (var name in (string[])["position", "company", "school", "resumeFileHandle", "source", "creditedToUser", "timezone", "location", "primaryPhoneNumber"])
        {
            info.ContainsKey(name).ShouldBeFalse(name);
        }

        info.ContainsKey("fraudStatus").ShouldBeTrue();
        info["fileHandles"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void Generated_projects_and_files_are_deterministic_and_leave_the_core_organisation_unchanged()
    {
        var a = OrganizationGenerator.Generate(5, OrganizationSize.Parse("small"));
        var b = OrganizationGenerator.Generate(5, OrganizationSize.Parse("small"));
        a.Projects.Select(p => (p.Id, p.Title, a.ProjectMembers[p].Count)).ShouldBe(b.Projects.Select(p => (p.Id, p.Title, b.ProjectMembers[p].Count)));
        a.FilesByHandle.Keys.Order().ShouldBe(b.FilesByHandle.Keys.Order());
        a.ReferralForm!.Id.ShouldBe(b.ReferralForm!.Id);
        a.Projects.Count.ShouldBe(6);
        a.FilesByHandle.Count.ShouldBeInRange(5, 45);
        FraudChecks.Of(a, a.Candidates.First(c => c.FraudStatus is not null))[0].Id.ShouldBe(FraudChecks.Of(b, b.Candidates.First(c => c.FraudStatus is not null))[0].Id);
    }
}
