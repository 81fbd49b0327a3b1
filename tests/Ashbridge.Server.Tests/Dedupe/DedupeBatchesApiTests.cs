using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Dedupe;

/// <summary>Batch uploads over HTTP against the demo connection: upload, re-map, decide, run in the background, follow, report; bad uploads; access; the OpenAPI document.</summary>
public sealed class DedupeBatchesApiTests : HubTest
{
    private const string Base = "/api/connections/demo/dedupe/batches";

    private static MultipartFormDataContent Form(byte[] file, string name = "prospects.csv", string? mapping = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", name);
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping");
        return form;
    }

    [Fact]
    public async Task A_file_is_uploaded_planned_remapped_decided_run_in_the_background_and_reported()
    {
        var known = await DedupeScenario.PrepareAsync(Hub, Ct);
        var csv = $"Who,Surname,Contact,Notes\n{known.FirstName},{known.LastName},{known.EmailAsTyped},x\nNadira,Pellow,nadira@pellow.example,y\nNadira,Pellow,NADIRA@pellow.example,z\n";
        using var created = await Admin.PostAsync(Base, Form(Encoding.UTF8.GetBytes(csv), mapping: """{"Who": "firstName"}"""), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var batch = answer.GetProperty("batch");
        var id = batch.GetProperty("id").GetInt64();
        created.Headers.Location!.ToString().ShouldBe($"{Base}/{id}");
        Fields(batch).ShouldBe(["firstName", "lastName", null, null]); // "Surname" is guessed, "Who" was given, "Contact" is for a person to map
        answer.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldContain("linkedIn");

        using var remapped = await Admin.PutAsJsonAsync($"{Base}/{id}/mapping", new { columns = new Dictionary<string, string?> { ["Contact"] = "email", ["4"] = "" } }, Ct);
        remapped.StatusCode.ShouldBe(HttpStatusCode.OK, await remapped.Content.ReadAsStringAsync(Ct));
        var rows = (await remapped.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("plan").GetProperty("action").GetString()).ShouldBe(["merge", "create", "skip"]);
        rows[0].GetProperty("plan").GetProperty("candidateId").GetString().ShouldBe(known.CandidateId);

        using var decided = await Admin.PutAsJsonAsync($"{Base}/{id}/rows/4", new { decision = "skip" }, Ct);
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync(Ct));
        using var badDecision = await Admin.PutAsJsonAsync($"{Base}/{id}/rows/4", new { decision = "merge:nobody" }, Ct);
        badDecision.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badDecision.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("not one of row 4's matches");
        (await Admin.PutAsJsonAsync($"{Base}/{id}/rows/99", new { decision = "skip" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var run = await Admin.PostAsync($"{Base}/{id}/run", null, Ct);
        run.StatusCode.ShouldBe(HttpStatusCode.Accepted, await run.Content.ReadAsStringAsync(Ct));
        var finished = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>($"{Base}/{id}?limit=2", Ct),
            b => b.GetProperty("batch").GetProperty("state").GetString() == "finished", TimeSpan.FromSeconds(60), "the batch's run");
        finished.GetProperty("batch").GetProperty("doneRows").GetInt32().ShouldBe(3);
        finished.GetProperty("rows").GetArrayLength().ShouldBe(2);
        finished.GetProperty("nextAfter").GetInt32().ShouldBe(3);
        var outcomes = finished.GetProperty("batch").GetProperty("outcomes");
        outcomes.EnumerateObject().Select(o => $"{o.Name}={o.Value.GetInt32()}").Order(StringComparer.Ordinal).ToList().ShouldBe(["created=1", "merged=1", "skipped=1"], (await Admin.GetStringAsync($"{Base}/{id}", Ct)));
        (await DedupeScenario.AshbyAsync(Hub, "candidate.search", new System.Text.Json.Nodes.JsonObject { ["email"] = "nadira@pellow.example" }, Ct)).AsArray().Count.ShouldBe(1);

        using var report = await Admin.GetAsync($"{Base}/{id}/report.csv", Ct);
        report.StatusCode.ShouldBe(HttpStatusCode.OK);
        report.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await report.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[2].ShouldContain("created");

        using var late = await Admin.PutAsJsonAsync($"{Base}/{id}/mapping", new { columns = new Dictionary<string, string?> { ["Who"] = "" } }, Ct);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_uploads_are_answered_with_a_problem_saying_what_is_wrong_never_a_500()
    {
        async Task<(HttpStatusCode Status, string Detail)> Post(HttpContent? content)
        {
            using var response = await Admin.PostAsync(Base, content, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            return (response.StatusCode, text.Length == 0 ? "" : JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!);
        }

        (await Post(new StringContent("Name,Email\n", Encoding.UTF8, "text/csv"))).ShouldSatisfyAllConditions(r => r.Status.ShouldBe(HttpStatusCode.BadRequest), r => r.Detail.ShouldContain("multipart/form-data"));
        (await Post(null)).Status.ShouldBe(HttpStatusCode.BadRequest);
        var noFile = new MultipartFormDataContent { { new StringContent("{}"), "mapping" } };
        (await Post(noFile)).Detail.ShouldContain("field named file");
        (await Post(Form(Encoding.Latin1.GetBytes("Name,Email\nZoë Ångström,zoe@example.com\n")))).ShouldSatisfyAllConditions(r => r.Status.ShouldBe(HttpStatusCode.UnprocessableEntity), r => r.Detail.ShouldContain("not UTF-8"));
        (await Post(Form(Encoding.UTF8.GetBytes("Name,Email\n\"Ada,ada@example.com\n")))).Detail.ShouldContain("not valid CSV");
        (await Post(Form([0x50, 0x4B, 0x03, 0x04, 9, 9], "p.xlsx"))).Detail.ShouldContain("not a readable Excel workbook");
        (await Post(Form(Encoding.UTF8.GetBytes("Name,Email\nA B,a@example.com\n"), mapping: "{not json"))).ShouldSatisfyAllConditions(r => r.Status.ShouldBe(HttpStatusCode.BadRequest), r => r.Detail.ShouldContain("JSON object"));
        (await Post(Form(Encoding.UTF8.GetBytes("Name,Email\nA B,a@example.com\n"), mapping: """{"Phone": "phone"}"""))).Detail.ShouldContain("no column 'Phone'");
        var big = new byte[(2 * 1024 * 1024) + 10];
        Array.Fill(big, (byte)'a');
        (await Post(Form(big))).Status.ShouldBe(HttpStatusCode.UnprocessableEntity); // past the hub's 1 MB default, read and refused for what it is

        // XLSX with a formula row: the file is fine, the row is refused with its reason.
        var xlsx = XlsxFile.Create([["First name", "Last name", "Email"], ["Iona", "Brisk", "=HYPERLINK(\"x\")"], ["Iona", "Brisk", "iona@brisk.example"]]);
        using var created = await Admin.PostAsync(Base, Form(xlsx, "p.xlsx"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var rows = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rows").EnumerateArray().ToList();
        rows[0].GetProperty("plan").GetProperty("action").GetString().ShouldBe("invalid");
        rows[0].GetProperty("plan").GetProperty("reasons")[0].GetString()!.ShouldContain("the Email cell is a formula");
        rows[1].GetProperty("plan").GetProperty("action").GetString().ShouldBe("create");

        (await Admin.GetAsync($"{Base}/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin.GetAsync("/api/connections/nope/dedupe/batches/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var badJson = new StringContent("{", Encoding.UTF8, "application/json");
        (await Admin.PutAsync($"{Base}/1/mapping", badJson, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_viewer_reads_batches_but_may_not_upload_or_run_them_and_the_routes_are_documented()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test", readOnly: true);
        using var created = await Admin.PostAsync(Base, Form(Encoding.UTF8.GetBytes("Name,Email\nA B,ab@viewer.example\n")), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("batch").GetProperty("id").GetInt64();
        (await viewer.GetAsync($"{Base}/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"{Base}/{id}/report.csv", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsync(Base, Form(Encoding.UTF8.GetBytes("Name,Email\nA B,ab@viewer.example\n")), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsync($"{Base}/{id}/run", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PutAsJsonAsync($"{Base}/{id}/rows/2", new { decision = "skip" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PutAsJsonAsync($"{Base}/{id}/mapping", new { columns = new Dictionary<string, string?> { ["Name"] = "" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var document = await Admin.GetStringAsync("/openapi/v1.json", Ct);
        foreach (var operation in new[] { "CreateDedupeBatch", "GetDedupeBatch", "MapDedupeBatch", "DecideDedupeBatchRow", "RunDedupeBatch", "GetDedupeBatchReport" })
        {
            document.ShouldContain($"\"operationId\": \"{operation}\"");
        }

        document.ShouldContain("multipart/form-data");
    }

    private static List<string?> Fields(JsonElement batch) => [.. batch.GetProperty("mapping").EnumerateArray().Select(f => f.ValueKind == JsonValueKind.Null ? null : f.GetString())];
}
