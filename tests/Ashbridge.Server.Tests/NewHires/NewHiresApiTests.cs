using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.NewHires;

/// <summary>The new-hire queue, the people directory and the export over HTTP, against a real hub and a second emulated Ashby.</summary>
public sealed class NewHiresApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{

    [Fact]
    public async Task A_hire_in_ashby_is_reviewed_and_added_as_a_member_with_compensation_for_admins_only_and_nothing_for_other_connections()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/runs", Ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(60), "acme's first pass");

        var (applicationId, _) = await ashby.ActiveApplicationAsync(Ct);
        using (var hire = await new HttpClient().PostAsJsonAsync(new Uri(ashby.BaseUrl, $"_emulator/applications/{applicationId}/hire"), new { startDate = "2027-05-03", salary = 140000 }, Ct))
        {
            hire.EnsureSuccessStatusCode();
        }

        (await Admin.PostAsJsonAsync("/api/connections/acme/sync", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var detail = await Eventually.ValueAsync(() => Admin.GetAsync(new Uri($"/api/connections/acme/new-hires/{applicationId}", UriKind.Relative), Ct),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the new hire");
        var newHire = (await detail.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("newHire");
        newHire.GetProperty("values").GetProperty("start_date").GetString().ShouldBe("2027-05-03");
        newHire.GetProperty("values").GetProperty("salary_amount").GetString().ShouldBe("140000.00");
        (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires", Ct)).EnumerateArray()
            .Count(h => h.GetProperty("applicationId").GetString() == applicationId).ShouldBe(1);

        // A viewer reads the queue but never the salary, and cannot add members.
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");
        var seen = await viewer.GetStringAsync(new Uri($"/api/connections/acme/new-hires/{applicationId}", UriKind.Relative), Ct);
        seen.ShouldNotContain("salary");
        seen.ShouldNotContain("140000");
        (await viewer.PostAsync(new Uri($"/api/connections/acme/new-hires/{applicationId}/member", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Bad values are refused with what is wrong; good ones are saved and used.
        using (var bad = await Admin.PutAsJsonAsync($"/api/connections/acme/new-hires/{applicationId}", new { values = new Dictionary<string, string> { ["start_date"] = "soon" } }, Ct))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("'soon' is not a date");
        }

        (await Admin.PutAsJsonAsync($"/api/connections/acme/new-hires/{applicationId}", new { values = new Dictionary<string, string> { ["job_title"] = "Staff Engineer" } }, Ct)).EnsureSuccessStatusCode();
        using var added = await Admin.PostAsync(new Uri($"/api/connections/acme/new-hires/{applicationId}/member", UriKind.Relative), null, Ct);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var member = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
        member.GetProperty("jobTitle").GetString().ShouldBe("Staff Engineer");
        var memberId = member.GetProperty("id").GetInt64();
        var email = member.GetProperty("personalEmail").GetString()!;

        (await Admin.GetFromJsonAsync<JsonElement>($"/api/members?q={Uri.EscapeDataString(email)}", Ct)).EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("salaryAmount").GetDecimal().ShouldBe(140000m);
        (await viewer.GetFromJsonAsync<JsonElement>($"/api/members/{memberId}", Ct)).GetProperty("salaryAmount").ValueKind.ShouldBe(JsonValueKind.Null);
        var csv = await Admin.GetStringAsync(new Uri("/api/members/export?format=csv", UriKind.Relative), Ct);
        csv.Split("\r\n")[0].ShouldStartWith("id,first_name,last_name,personal_email");
        csv.ShouldContain($",{email},");
        (await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct)).EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .ShouldContain("member.add");

        // A token limited to the demo connection sees nothing of acme's hires or members.
        var demo = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo", Ct)).GetProperty("connection").GetProperty("id").GetInt64();
        using var limited = Hub.CreateTokenClient(HubFactory.AdminEmail, connectionId: demo);
        (await limited.GetAsync(new Uri("/api/connections/acme/new-hires", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await limited.GetAsync(new Uri($"/api/members/{memberId}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await limited.GetFromJsonAsync<JsonElement>("/api/members", Ct)).EnumerateArray().ShouldNotContain(m => m.GetProperty("id").GetInt64() == memberId);
        (await limited.GetStringAsync(new Uri("/api/members/export?format=json", UriKind.Relative), Ct)).ShouldNotContain(email);
    }

    [Fact]
    public async Task The_mapping_refuses_switching_off_a_required_field_and_says_why()
    {
        // The mapping lists the custom fields the mirror holds: wait for the demo's first pass to bring them.
        await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/runs", Ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(60), "the demo's first pass");
        using var refused = await Admin.PutAsJsonAsync("/api/connections/demo/new-hires/mapping", new { disabledFields = (string[])["personal_email"], customMappings = Array.Empty<object>(), compensationTypes = Array.Empty<object>() }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Personal email is required and cannot be switched off.");

        using var saved = await Admin.PutAsJsonAsync("/api/connections/demo/new-hires/mapping", new { disabledFields = (string[])["personal_phone"], customMappings = Array.Empty<object>(), compensationTypes = Array.Empty<object>() }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mapping = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        mapping.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "personal_phone").GetProperty("enabled").GetBoolean().ShouldBeFalse();
        mapping.GetProperty("ashbyCustomFields").EnumerateArray().ShouldContain(f => f.GetProperty("title").GetString() == "Signing Bonus");
    }
}
