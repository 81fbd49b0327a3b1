using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Server.Tests.NewHires;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Exports;

/// <summary>Exports over HTTP against a real hub and an emulated Ashby: tokens bound to one export, compensation, and bad requests.</summary>
public sealed class ExportsApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_token_for_one_export_reads_its_rows_and_nothing_else_of_the_api_and_stops_when_revoked()
    {
        await NewHireScenario.ConnectAsync(Admin, ashby);
        var a = await CreateAsync("Pigment A");
        var b = await CreateAsync("Pigment B");
        var (tokenId, token) = await TokenAsync(a, "Pigment nightly", compensation: true);
        using var pigment = Bearer(token);

        using (var rows = await pigment.GetAsync(new Uri($"/api/exports/{a}/rows?format=csv", UriKind.Relative), Ct))
        {
            rows.StatusCode.ShouldBe(HttpStatusCode.OK);
            rows.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            (await rows.Content.ReadAsStringAsync(Ct)).ShouldStartWith("application_id,employee_name,department,job_id,job_title,target_start_date,actual_start_date,salary,salary_currency,hired_date");
        }

        using (var other = await pigment.GetAsync(new Uri($"/api/exports/{b}/rows", UriKind.Relative), Ct))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await other.Content.ReadAsStringAsync(Ct)).ShouldNotContain("application_id");
        }

        foreach (var path in new[]
        {
            $"/api/exports/{a}", $"/api/exports/{a}/preview", $"/api/exports/{a}/runs", $"/api/exports/{a}/tokens", "/api/exports", "/api/connections",
            "/api/connections/acme/new-hires", "/api/members", "/api/members/export", "/api/audit", "/api/tokens", "/api/notices", "/openapi/v1.json",
        })
        {
            (await pigment.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }

        (await pigment.PostAsJsonAsync("/api/exports", new { name = "Mine", connection = "acme", customFieldIds = Array.Empty<string>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await pigment.DeleteAsync(new Uri($"/api/exports/{a}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await pigment.PostAsJsonAsync("/api/connections/acme/sync", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The pull is in the audit log with its row count, and the token's last use is noted.
        var audit = await Admin.GetFromJsonAsync<JsonElement>("/api/audit?action=export.pull", Ct);
        audit.ToString().ShouldContain("rows, csv");
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/exports/{a}/tokens", Ct)).EnumerateArray().Single().GetProperty("lastUsedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);

        (await Admin.DeleteAsync(new Uri($"/api/exports/{a}/tokens/{tokenId}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await pigment.GetAsync(new Uri($"/api/exports/{a}/rows", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Admin.DeleteAsync(new Uri($"/api/exports/{a}/tokens/{tokenId}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var forged = Bearer("abx_" + new string('x', 43));
        (await forged.GetAsync(new Uri($"/api/exports/{a}/rows", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Compensation_columns_are_left_out_for_tokens_and_people_without_the_right()
    {
        await NewHireScenario.ConnectAsync(Admin, ashby);
        var id = await CreateAsync("Headcount");
        var (_, withPay) = await TokenAsync(id, "with pay", compensation: true);
        var (_, withoutPay) = await TokenAsync(id, "without pay", compensation: false);
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/users", new { email = "finance@hub.test", password = "finance password 123", role = "finance" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");
        using var finance = Hub.CreateTokenClient("finance@hub.test");

        async Task<string> HeaderAsync(HttpClient client)
        {
            var csv = await client.GetStringAsync(new Uri($"/api/exports/{id}/rows?format=csv", UriKind.Relative), Ct);
            return csv[..csv.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('\r');
        }

        using (var client = Bearer(withPay)) (await HeaderAsync(client)).ShouldContain(",salary,salary_currency,");
        using (var client = Bearer(withoutPay)) (await HeaderAsync(client)).ShouldBe("application_id,employee_name,department,job_id,job_title,target_start_date,actual_start_date,hired_date");
        (await HeaderAsync(viewer)).ShouldNotContain("salary");
        (await HeaderAsync(finance)).ShouldContain(",salary,");
        var jsonl = await viewer.GetStringAsync(new Uri($"/api/exports/{id}/rows?format=jsonl", UriKind.Relative), Ct);
        jsonl.ShouldNotContain("\"salary");
        (await viewer.GetFromJsonAsync<JsonElement>($"/api/exports/{id}", Ct)).GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldNotContain("salary");

        // A viewer reads exports but does not define them or make tokens.
        (await viewer.PostAsJsonAsync("/api/exports", new { name = "Mine", connection = "acme", customFieldIds = Array.Empty<string>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync($"/api/exports/{id}/tokens", new { name = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_bodies_and_queries_get_a_problem_saying_what_is_wrong_never_a_500()
    {
        await NewHireScenario.ConnectAsync(Admin, ashby);
        var id = await CreateAsync("Good");

        async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string words)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(Ct);
                response.StatusCode.ShouldBe(status, body);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                body.ShouldContain(words, Case.Insensitive);
            }
        }

        HttpContent Raw(string json) => new StringContent(json, Encoding.UTF8, "application/json");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("{"), Ct), HttpStatusCode.BadRequest, "JSON");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("[]"), Ct), HttpStatusCode.BadRequest, "");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("{}"), Ct), HttpStatusCode.BadRequest, "name");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"X"}"""), Ct), HttpStatusCode.BadRequest, "connection");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"X","connection":"acme","customFieldIds":"abc"}"""), Ct), HttpStatusCode.BadRequest, "customFieldIds");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"X","connection":"acme","customFieldIds":[null]}"""), Ct), HttpStatusCode.BadRequest, "null");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"X","connection":"acme","filters":{"hiredFrom":"soon"}}"""), Ct), HttpStatusCode.BadRequest, "hiredFrom");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"X","connection":"nowhere"}"""), Ct), HttpStatusCode.UnprocessableEntity, "nowhere");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"X","connection":"acme","customFieldIds":["no-such-field"]}"""), Ct), HttpStatusCode.UnprocessableEntity, "no-such-field");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"X","connection":"acme","filters":{"hiredFrom":"2027-02-01","hiredTo":"2027-01-01"}}"""), Ct), HttpStatusCode.UnprocessableEntity, "after");
        await ExpectAsync(await Admin.PostAsync(new Uri("/api/exports", UriKind.Relative), Raw("""{"name":"Good","connection":"acme"}"""), Ct), HttpStatusCode.Conflict, "exists");
        await ExpectAsync(await Admin.PutAsync(new Uri($"/api/exports/{id}", UriKind.Relative), Raw("""{"name":""}"""), Ct), HttpStatusCode.BadRequest, "name");
        await ExpectAsync(await Admin.PutAsync(new Uri("/api/exports/999999", UriKind.Relative), Raw("""{"name":"Y","connection":"acme"}"""), Ct), HttpStatusCode.NotFound, "999999");
        await ExpectAsync(await Admin.GetAsync(new Uri($"/api/exports/{id}/rows?format=pdf", UriKind.Relative), Ct), HttpStatusCode.BadRequest, "csv, xlsx or jsonl");
        await ExpectAsync(await Admin.GetAsync(new Uri($"/api/exports/{id}/rows?since=yesterday", UriKind.Relative), Ct), HttpStatusCode.BadRequest, "ISO 8601");
        await ExpectAsync(await Admin.GetAsync(new Uri($"/api/exports/{id}/preview?limit=0", UriKind.Relative), Ct), HttpStatusCode.BadRequest, "limit");
        await ExpectAsync(await Admin.PostAsync(new Uri($"/api/exports/{id}/tokens", UriKind.Relative), Raw("{}"), Ct), HttpStatusCode.BadRequest, "name");
        await ExpectAsync(await Admin.GetAsync(new Uri("/api/exports/fields", UriKind.Relative), Ct), HttpStatusCode.BadRequest, "connection");

        // The good ones: redefine, pull since a time, preview, then delete.
        var fields = await Admin.GetFromJsonAsync<JsonElement>("/api/exports/fields?connection=acme", Ct);
        var field = fields.EnumerateArray().First().GetProperty("id").GetString();
        (await Admin.PutAsJsonAsync($"/api/exports/{id}", new { name = "Good", connection = "acme", customFieldIds = new[] { field } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.GetAsync(new Uri($"/api/exports/{id}/rows?format=jsonl&since=2026-01-01T00:00:00Z", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/exports/{id}/preview?limit=3", Ct)).GetProperty("rows").GetArrayLength().ShouldBeLessThanOrEqualTo(3);
        (await Admin.DeleteAsync(new Uri($"/api/exports/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Admin.GetAsync(new Uri($"/api/exports/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<long> CreateAsync(string name)
    {
        using var created = await Admin.PostAsJsonAsync("/api/exports", new { name, connection = "acme", customFieldIds = Array.Empty<string>() }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    private async Task<(long Id, string Token)> TokenAsync(long exportId, string name, bool compensation)
    {
        using var created = await Admin.PostAsJsonAsync($"/api/exports/{exportId}/tokens", new { name, compensation }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("id").GetInt64(), body.GetProperty("token").GetString()!);
    }

    private HttpClient Bearer(string token)
    {
        var client = Hub.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
