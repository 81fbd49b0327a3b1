namespace Ashbridge.Ashby.Tests.JobPostings;

public class JobPostingsClientTests
{
    [Fact]
    public async Task List_returns_summaries_without_paging()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[" + Fixture.Text("api/jobPosting.json") + "]", ""","moreDataAvailable":false"""));
        using var client = TestClient.Create(server);

        var postings = await client.JobPostings.ListAsync(new JobPostingListRequest { ListedOnly = true, Department = "Engineering" }, cancellationToken: TestClient.Ct);

        postings.Single().ApplyLink.ShouldNotBeNull();
        postings.Single().ExtensionData!.ShouldContainKey("descriptionHtml");
        server.Requests.Single().Body.ShouldBe("""{"department":"Engineering","listedOnly":true}""");
    }

    [Fact]
    public async Task Info_reads_descriptions_address_and_compensation()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/jobPosting.json")));
        using var client = TestClient.Create(server);

        var p = await client.JobPostings.InfoAsync(new JobPostingInfoRequest { JobPostingId = "jp-1" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Body.ShouldBe("""{"jobPostingId":"jp-1"}""");
        p.DescriptionParts!.DescriptionOpening!.Plain.ShouldBe("Hi");
        p.DescriptionParts.DescriptionClosing.ShouldBeNull();
        p.Address!.PostalAddress!.PostalCode.ShouldBe("10115");
        p.Compensation!.CompensationTiers!.Single().Title.ShouldBe("Base");
        p.LinkedData!.Value.GetProperty("@type").GetString().ShouldBe("JobPosting");
        p.TeamNameHierarchy.ShouldBe(["Engineering", "Platform"]);
        p.ExtensionData.ShouldBeNull();
    }

    [Fact]
    public async Task Info_reads_the_application_form_and_survey_forms()
    {
        const string Form = """
            "applicationFormDefinition": { "sections": [
              { "title": "About you", "descriptionPlain": "Tell us", "fields": [
                { "isRequired": true, "field": { "id": "f1", "type": "String", "path": "_systemfield_name", "humanReadablePath": "Name", "title": "Name", "isNullable": false } },
                { "isRequired": false, "descriptionHtml": "<p>Pick one</p>", "field": { "id": "f2", "type": "ValueSelect", "path": "f2-path", "humanReadablePath": "Start", "title": "When can you start?", "isNullable": true,
                  "selectableValues": [ { "label": "Now", "value": "now" }, { "label": "Later", "value": "later" } ] } },
                { "isRequired": true, "field": { "type": "File", "path": "_systemfield_resume", "title": "Resume" } }
              ] } ] },
            "surveyFormDefinitions": [ { "id": "s1", "organizationId": "org1", "title": "EEOC", "isArchived": false, "isDefaultForm": true, "surveyType": "EEOC",
              "formDefinition": { "sections": [ { "fields": [ { "isRequired": false, "field": { "id": "f9", "type": "ValueSelect", "path": "gender", "humanReadablePath": "Gender", "title": "Gender" } } ] } ] } } ],
            """;
        var json = Fixture.Text("api/jobPosting.json")
            .Replace("\"applicationFormDefinition\": { \"sections\": [] },", string.Empty, StringComparison.Ordinal)
            .Replace("\"surveyFormDefinitions\": [],", Form, StringComparison.Ordinal);
        json.ShouldContain("About you");
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(json));
        using var client = TestClient.Create(server);

        var p = await client.JobPostings.InfoAsync(new JobPostingInfoRequest { JobPostingId = "jp-1", Expand = ["job"] }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/jobPosting.info");
        server.Requests.Single().Body.ShouldBe("""{"jobPostingId":"jp-1","expand":["job"]}""");
        var section = p.ApplicationFormDefinition!.Sections!.Single();
        section.Title.ShouldBe("About you");
        section.DescriptionPlain.ShouldBe("Tell us");
        section.Fields.Select(f => (f.Field.Path, f.IsRequired)).ShouldBe([("_systemfield_name", true), ("f2-path", false), ("_systemfield_resume", true)]);
        var select = section.Fields[1];
        select.DescriptionHtml.ShouldBe("<p>Pick one</p>");
        select.Field.Type.ShouldBe("ValueSelect");
        select.Field.HumanReadablePath.ShouldBe("Start");
        select.Field.IsNullable.ShouldBe(true);
        select.Field.SelectableValues!.Select(v => v.Value).ShouldBe(["now", "later"]);
        section.Fields[2].Field.Id.ShouldBeNull();
        var survey = p.SurveyFormDefinitions!.Single();
        survey.SurveyType.ShouldBe("EEOC");
        survey.IsDefaultForm.ShouldBe(true);
        survey.FormDefinition!.Sections!.Single().Fields.Single().Field.Title.ShouldBe("Gender");
    }

    [Fact]
    public async Task Info_maps_an_unknown_posting_to_not_found()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("job_posting_not_found"));
        using var client = TestClient.Create(server);

        await Should.ThrowAsync<AshbyNotFoundException>(() => client.JobPostings.InfoAsync(new JobPostingInfoRequest { JobPostingId = "nope" }, cancellationToken: TestClient.Ct));
    }
}
