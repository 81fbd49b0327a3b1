using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Dedupe;

/// <summary>Upload, merge, their choices and the dedupe settings over HTTP against the demo connection's emulator: statuses, problem bodies, access, the OpenAPI document.</summary>
public sealed class DedupeWritesApiTests : HubTest
{
    private const string Base = "/api/connections/demo/dedupe";

    [Fact]
    public async Task Upload_lands_in_Ashby_as_a_New_Lead_a_second_upload_is_a_409_and_a_merge_adds_what_is_new()
    {
        await DedupeScenario.PrepareAsync(Hub, Ct);
        var choices = await Admin.GetFromJsonAsync<JsonElement>($"{Base}/choices", Ct);
        choices.GetProperty("missingPermissions").GetArrayLength().ShouldBe(0);
        choices.GetProperty("canWrite").GetBoolean().ShouldBeTrue();
        choices.GetProperty("defaultRegion").GetString().ShouldBe("US");
        var jobs = choices.GetProperty("jobs").EnumerateArray().ToList();
        jobs.ShouldNotBeEmpty();
        jobs.ShouldAllBe(j => !j.GetProperty("confidential").GetBoolean());
        var jobId = jobs[0].GetProperty("id").GetString()!;

        var prospect = new { firstName = "Marisol", lastName = "Quenby", emails = new List<string> { "marisol@quenby.example" }, phones = new List<string> { "+44 20 7946 0321" }, urls = new List<string> { "linkedin.com/in/marisol-quenby" }, jobId };
        using var created = await Admin.PostAsJsonAsync($"{Base}/upload", prospect, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var candidateId = answer.GetProperty("candidateId").GetString()!;
        var applicationId = answer.GetProperty("applicationId").GetString()!;
        answer.GetProperty("changes")[0].GetString()!.ShouldStartWith($"Created candidate Marisol Quenby ({candidateId})");

        var live = await DedupeScenario.AshbyAsync(Hub, "candidate.info", new JsonObject { ["id"] = candidateId }, Ct);
        live["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe("marisol@quenby.example");
        var application = await DedupeScenario.AshbyAsync(Hub, "application.info", new JsonObject { ["applicationId"] = applicationId }, Ct);
        application["currentInterviewStage"]!["type"]!.GetValue<string>().ShouldBe("Lead");

        using var again = await Admin.PostAsJsonAsync($"{Base}/upload", prospect, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        conflict.GetProperty("candidateId").GetString().ShouldBe(candidateId);
        conflict.GetProperty("kind").GetString().ShouldBe("AlreadyInAshby");

        using var merged = await Admin.PostAsJsonAsync($"{Base}/merge", new { candidateId, emails = new List<string> { "MARISOL@quenby.example", "m.quenby@work.example" } }, Ct);
        merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync(Ct));
        (await merged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldBe(
            ["Email marisol@quenby.example: already on the candidate.", "Added email m.quenby@work.example."]);

        using var gone = await Admin.PostAsJsonAsync($"{Base}/merge", new { candidateId = Guid.NewGuid().ToString(), emails = new List<string> { "x@quenby.example" } }, Ct);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gone.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("kind").GetString().ShouldBe("CandidateNotFound");

        var audit = await Admin.GetFromJsonAsync<JsonElement>("/api/audit?action=dedupe.upload", Ct);
        audit.ToString().ShouldContain(candidateId);
    }

    [Fact]
    public async Task Bad_bodies_are_a_400_bad_prospects_a_422_with_each_problem_and_jobs_not_offered_a_422()
    {
        await DedupeScenario.PrepareAsync(Hub, Ct);
        using (var invalid = await Admin.PostAsJsonAsync($"{Base}/upload", new { firstName = "Solo", emails = new List<string> { "nope@" } }, Ct))
        {
            invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldBe(
                ["A last name is required.", "'nope@' is not an email address."]);
        }

        using (var job = await Admin.PostAsJsonAsync($"{Base}/upload", new { firstName = "Solo", lastName = "Arden", emails = new List<string> { "solo@arden.example" }, jobId = "no-such-job" }, Ct))
        {
            job.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await job.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("kind").GetString().ShouldBe("JobNotOffered");
        }

        using (var nothing = await Admin.PostAsJsonAsync($"{Base}/merge", new { candidateId = Guid.NewGuid().ToString() }, Ct))
        {
            nothing.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }

        // Unknown fields are ignored: a settings body of prospect fields changes nothing (200), and a prospect body of
        // settings fields is an empty prospect (422); a value of the wrong type, or no JSON object at all, is a 400.
        var wrongType = new List<string> { "{\"emails\": \"a@b.example\"}", "{\"firstName\": 7}", "{\"tagIds\": [1]}" };
        foreach (var (path, method) in new[] { ("upload", HttpMethod.Post), ("merge", HttpMethod.Post), ("settings", HttpMethod.Put) })
        {
            string[] bodies = ["{", "[]", "", "{\"offerConfidentialJobs\": \"yes\"}", .. wrongType];
            foreach (var body in bodies)
            {
                var expected = (path, body) switch
                {
                    ("settings", _) when wrongType.Contains(body) => HttpStatusCode.OK,
                    (not "settings", "{\"offerConfidentialJobs\": \"yes\"}") => HttpStatusCode.UnprocessableEntity,
                    _ => HttpStatusCode.BadRequest,
                };
                using var request = new HttpRequestMessage(method, $"{Base}/{path}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await Admin.SendAsync(request, Ct);
                response.StatusCode.ShouldBe(expected, $"{path} {body}");
                if (expected == HttpStatusCode.BadRequest) response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{path} {body}");
            }
        }

        (await Admin.PostAsJsonAsync("/api/connections/nope/dedupe/upload", new { firstName = "A", lastName = "B", emails = new List<string> { "a@b.example" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Settings_are_read_by_viewers_changed_by_admins_and_the_check_reads_phones_in_the_connections_region()
    {
        await DedupeScenario.PrepareAsync(Hub, Ct);
        (await Admin.GetFromJsonAsync<JsonElement>($"{Base}/settings", Ct)).GetProperty("defaultRegion").GetString().ShouldBe("US");

        using (var bad = await Admin.PutAsJsonAsync($"{Base}/settings", new { defaultRegion = "ZZ" }, Ct))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldBe("'ZZ' is not a region code; use two letters such as US, GB or DE.");
        }

        using (var saved = await Admin.PutAsJsonAsync($"{Base}/settings", new { defaultRegion = "gb" }, Ct))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            var settings = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
            settings.GetProperty("defaultRegion").GetString().ShouldBe("GB");
            settings.GetProperty("offerConfidentialJobs").GetBoolean().ShouldBeFalse();
        }

        using (var check = await Admin.PostAsJsonAsync($"{Base}/check", new { phones = new List<string> { "call me" } }, Ct))
        {
            (await check.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems")[0].GetString().ShouldBe("'call me' is not a phone number (read in region GB when it has no country code).");
        }

        (await Admin.PutAsJsonAsync($"{Base}/settings", new { offerConfidentialJobs = true }, Ct)).EnsureSuccessStatusCode();
        var choices = await Admin.GetFromJsonAsync<JsonElement>($"{Base}/choices", Ct);
        choices.GetProperty("defaultRegion").GetString().ShouldBe("GB");
        choices.GetProperty("offerConfidentialJobs").GetBoolean().ShouldBeTrue();

        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test", readOnly: true);
        (await viewer.GetAsync(new Uri($"{Base}/settings", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync(new Uri($"{Base}/choices", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PutAsJsonAsync($"{Base}/settings", new { defaultRegion = "US" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync($"{Base}/upload", new { firstName = "A", lastName = "B", emails = new List<string> { "a@b.example" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync($"{Base}/merge", new { candidateId = Guid.NewGuid().ToString(), emails = new List<string> { "a@b.example" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var stranger = Hub.CreateAnonymousClient();
        (await stranger.GetAsync(new Uri($"{Base}/choices", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var document = JsonDocument.Parse(await Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty($"{Base.Replace("demo", "{name}", StringComparison.Ordinal)}/upload").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("UploadProspect");
        paths.GetProperty("/api/connections/{name}/dedupe/merge").GetProperty("post").GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue();
        paths.GetProperty("/api/connections/{name}/dedupe/choices").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/connections/{name}/dedupe/settings").TryGetProperty("put", out _).ShouldBeTrue();
    }
}
