using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Schema.Samples;

/// <summary>
/// Candidates, candidate tags, custom fields, files, projects and referrals. Candidate answers are sampled on candidates
/// whose custom field values are booleans, numbers, arrays or currency amounts: the document's <c>value</c> is a
/// <c>oneOf</c> with four plain-string branches (Date, String, LongText, ValueSelect), so any string value matches
/// several branches and fails the check whatever the emulator sends (see the notes of area A).
/// </summary>
public sealed class CandidateSamples : ISchemaSamples
{
    private const string Missing = "00000000-0000-4000-8000-000000000000";

    public async Task<IReadOnlyList<SchemaSample>> CreateAsync(EmulatorFixture emulator)
    {
        var candidates = (await emulator.CallAsync("candidate.list", """{"limit":100}""")).Results.Select(r => r!.AsObject()).ToList();
        var reader = candidates.First(c => c["resumeFileHandle"] is not null && c["tags"]!.AsArray().Count > 0 && Unambiguous(c));
        var readerId = Id(reader);
        var resumeHandle = reader["resumeFileHandle"]!["handle"]!.GetValue<string>();
        var writer = await Create(emulator, "Schema Writer");
        var tagger = await Create(emulator, "Schema Tagger");
        var anonymous = await Create(emulator, "Schema Anonymous");
        var tag = (await emulator.CallAsync("candidateTag.create", """{"title":"Schema sample tag"}""")).Result;
        var archivable = (await emulator.CallAsync("candidateTag.create", """{"title":"Schema archivable tag"}""")).Result;
        (await emulator.CallAsync("candidate.addTag", $$"""{"candidateId":"{{tagger}}","tagId":"{{Id(tag)}}"}""")).Success.ShouldBeTrue();
        var fields = (await emulator.CallAsync("customField.list", """{"limit":100}""")).Results.Select(r => r!.AsObject()).ToList();
        var number = fields.First(f => f["objectType"]!.GetValue<string>() == "Candidate" && f["fieldType"]!.GetValue<string>() == "Number");
        var boolean = fields.First(f => f["objectType"]!.GetValue<string>() == "Candidate" && f["fieldType"]!.GetValue<string>() == "Boolean");
        var select = (await emulator.CallAsync("customField.create", """{"fieldType":"MultiValueSelect","objectType":"Candidate","title":"Schema sample select","selectableValues":[{"label":"One","value":"one"}]}""")).Result;
        var project = (await emulator.CallAsync("project.list", """{"limit":1}""")).Results[0]!.AsObject();
        var upload = (await emulator.CallAsync("file.createFileUploadHandle", """{"fileUploadContext":"CandidateFiles","filename":"notes.txt","contentType":"text/plain","contentLength":5}""")).Result;
        using (var content = new ByteArrayContent("hello"u8.ToArray()))
        {
            (await emulator.Http.PutAsync(upload["url"]!.GetValue<string>(), content, TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();
        }

        var fraud = candidates.First(c => c["fraudStatus"] is not null);
        var created = EmulatorFixture.Start.AddDays(-1).ToUnixTimeMilliseconds();
        var form = (await emulator.CallAsync("referralForm.info")).Result;
        var job = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\"]")).Rows.First(j => !j["confidential"]!.GetValue<bool>());
        var uploadHandle = upload["handle"]!.GetValue<string>();
        return
        [
            new("candidate.addEmailMessage", $$"""{"candidateId":"{{writer}}","emailProviderEmailId":"gmail-1","subject":"Hello","from":"recruiter@northwind.test","to":"writer@example.test","body":"Hi!"}"""),
            new("candidate.addEmailMessage", $$"""{"candidateId":"{{writer}}","subject":"Hello"}""", ExpectSuccess: false),
            new("candidate.addProject", $$"""{"candidateId":"{{writer}}","projectId":"{{Id(project)}}"}"""),
            new("candidate.addProject", $$"""{"candidateId":"{{writer}}","projectId":"{{Missing}}"}""", ExpectSuccess: false),
            new("candidate.addTag", $$"""{"candidateId":"{{writer}}","tagId":"{{Id(tag)}}"}"""),
            new("candidate.addTag", $$"""{"candidateId":"{{writer}}","tagId":"{{Missing}}"}""", ExpectSuccess: false),
            new("candidate.anonymize", $$"""{"candidateId":"{{anonymous}}"}"""),
            new("candidate.anonymize", $$"""{"candidateId":"{{Missing}}"}""", ExpectSuccess: false),
            new("candidate.create", """{"name":"Schema Created","email":"schema.created@example.test","location":{"city":"Leeds","country":"United Kingdom"}}"""),
            new("candidate.create", """{"email":"nameless@example.test"}""", ExpectSuccess: false),
            new("candidate.createNote", $$"""{"candidateId":"{{writer}}","note":"Schema note"}"""),
            new("candidate.info", $$"""{"id":"{{readerId}}"}"""),
            new("candidate.info", $$"""{"id":"{{writer}}"}"""),
            new("candidate.info", $$"""{"id":"{{Missing}}"}""", ExpectSuccess: false),
            new("candidate.list", $$"""{"limit":25,"createdAfter":{{created}}}"""),
            new("candidate.list", """{"cursor":"not-a-cursor"}""", ExpectSuccess: false),
            new("candidate.listClientInfo", $$"""{"candidateId":"{{Id(candidates.First(c => c["applicationIds"]!.AsArray().Count > 0))}}"}"""),
            new("candidate.listFraudChecks", $$"""{"candidateId":"{{Id(fraud)}}"}"""),
            new("candidate.listFraudChecks", "{}", ExpectSuccess: false),
            new("candidate.listNotes", $$"""{"candidateId":"{{writer}}"}"""),
            new("candidate.listProjects", $$"""{"candidateId":"{{writer}}"}"""),
            new("candidate.removeProject", $$"""{"candidateId":"{{tagger}}","projectId":"{{Id(project)}}"}"""),
            new("candidate.removeTag", $$"""{"candidateId":"{{tagger}}","tagId":"{{Id(tag)}}"}"""),
            new("candidate.removeTag", $$"""{"candidateId":"{{Missing}}","tagId":"{{Id(tag)}}"}""", ExpectSuccess: false),
            new("candidate.search", """{"name":"Schema"}"""),
            new("candidate.setFraudStatus", $$"""{"candidateId":"{{writer}}","fraudStatus":"Unsure"}"""),
            new("candidate.setFraudStatus", $$"""{"candidateId":"{{writer}}","fraudStatus":"Maybe"}""", ExpectSuccess: false),
            new("candidate.update", $$"""{"candidateId":"{{writer}}","position":"Engineer","websiteUrl":"https://writer.test"}"""),
            new("candidate.uploadFile", $$"""{"candidateId":"{{writer}}","fileHandle":"{{uploadHandle}}"}"""),
            new("candidate.uploadFile", $$"""{"candidateId":"{{writer}}","fileHandle":"no-such-handle"}""", ExpectSuccess: false),
            new("candidate.uploadResume", $$"""{"candidateId":"{{tagger}}","resumeHandle":"{{uploadHandle}}"}"""),
            new("candidateTag.archive", $$"""{"tagId":"{{Id(archivable)}}"}"""),
            new("candidateTag.archive", $$"""{"tagId":"{{Missing}}"}""", ExpectSuccess: false),
            new("candidateTag.create", """{"title":"Schema created tag"}"""),
            new("candidateTag.list", """{"includeArchived":true}"""),
            new("customField.create", """{"fieldType":"Number","objectType":"Candidate","title":"Schema sample number"}"""),
            new("customField.create", """{"fieldType":"ValueSelect","objectType":"Candidate","title":"No options"}""", ExpectSuccess: false),
            new("customField.info", $$"""{"customFieldId":"{{Id(number)}}"}"""),
            new("customField.list", """{"includeArchived":true}"""),
            new("customField.setValue", $$"""{"objectId":"{{writer}}","objectType":"Candidate","fieldId":"{{Id(number)}}","fieldValue":7}"""),
            new("customField.setValue", $$"""{"objectId":"{{writer}}","objectType":"Candidate","fieldId":"{{Id(number)}}","fieldValue":"seven"}""", ExpectSuccess: false),
            new("customField.setValues", $$"""{"objectId":"{{writer}}","objectType":"Candidate","values":[{"fieldId":"{{Id(boolean)}}","fieldValue":true},{"fieldId":"{{Id(select)}}","fieldValue":["one"]}]}"""),
            new("customField.setValues", $$"""{"objectId":"{{writer}}","objectType":"Candidate","values":[]}""", ExpectSuccess: false),
            new("customField.updateSelectableValues", $$"""{"customFieldId":"{{Id(select)}}","selectableValues":[{"label":"Two","value":"two"}]}"""),
            new("file.createFileUploadHandle", """{"fileUploadContext":"CandidateResume","filename":"resume.pdf","contentType":"application/pdf","contentLength":1024}"""),
            new("file.createFileUploadHandle", """{"fileUploadContext":"Elsewhere","filename":"resume.pdf","contentType":"application/pdf","contentLength":1024}""", ExpectSuccess: false),
            new("file.info", $$"""{"fileHandle":"{{resumeHandle}}"}"""),
            new("file.info", """{"fileHandle":"no-such-handle"}""", ExpectSuccess: false),
            new("project.info", $$"""{"projectId":"{{Id(project)}}"}"""),
            new("project.info", $$"""{"projectId":"{{Missing}}"}""", ExpectSuccess: false),
            new("project.list", """{"limit":5}"""),
            new("project.search", $$"""{"title":"{{project["title"]!.GetValue<string>()[..4]}}"}"""),
            new("referral.create", $$"""{"id":"{{Id(form)}}","creditedToUserId":"{{await EnabledUser(emulator)}}","fieldSubmissions":[{"path":"_systemfield_name","value":"Schema Referral"},{"path":"_systemfield_email","value":"schema.referral@example.test"},{"path":"_systemfield_job","value":"{{Id(job)}}"}]}"""),
            new("referral.create", $$"""{"id":"{{Missing}}","creditedToUserId":"{{await EnabledUser(emulator)}}","fieldSubmissions":[]}""", ExpectSuccess: false),
            new("referralForm.info", "{}"),
        ];
    }

    private static string Id(JsonObject o) => o["id"]!.GetValue<string>();

    /// <summary>No custom field value is a plain string or a range (the document's ambiguous <c>oneOf</c> branches).</summary>
    private static bool Unambiguous(JsonObject candidate) => candidate["customFields"]!.AsArray().All(f => f!["value"] switch
    {
        JsonValue v => v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False or System.Text.Json.JsonValueKind.Number,
        JsonArray => true,
        JsonObject o => o["type"] is null,
        _ => false,
    });

    private static async Task<string> Create(EmulatorFixture emulator, string name)
    {
        var created = await emulator.CallAsync("candidate.create", $$"""{"name":"{{name}}","email":"{{name.Replace(' ', '.')}}@example.test"}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        return Id(created.Result);
    }

    private static async Task<string> EnabledUser(EmulatorFixture emulator) =>
        Id((await emulator.CallAsync("user.list", """{"limit":5}""")).Results.Select(u => u!.AsObject()).First(u => u["isEnabled"]!.GetValue<bool>()));
}
