using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Members;

/// <summary>The people directory's API: search in every column, exports that follow it, compensation for admins and finance only, edits and offboarding audited and sent outward.</summary>
public sealed class MembersApiTests : HubTest
{
    private static async Task<string[]> FoundAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/members?{query}", Ct)).EnumerateArray().Select(m => m.GetProperty("lastName").GetString()!)];

    [Fact]
    public async Task A_search_looks_in_every_column_and_the_export_follows_it()
    {
        await MemberSeed.ThreeAsync(Hub);

        (await FoundAsync(Admin, "q=grace%20hopper")).ShouldBe(["Hopper"]);
        (await FoundAsync(Admin, "q=analyst")).ShouldBe(["Lovelace"]);
        (await FoundAsync(Admin, "q=NAVY")).ShouldBe(["Hopper"]);
        (await FoundAsync(Admin, "q=manchester")).ShouldBe(["Turing"]);
        (await FoundAsync(Admin, "q=2026-11")).ShouldBe(["Hopper"]);
        (await FoundAsync(Admin, "q=example.net")).ShouldBe(["Turing"]);
        (await FoundAsync(Admin, "q=%2B447700900123")).ShouldBe(["Lovelace"]);
        (await FoundAsync(Admin, "q=example&sort=jobTitle&desc=true")).ShouldBe(["Turing", "Lovelace", "Hopper"]);
        (await FoundAsync(Admin, "sort=place_of_work")).ShouldBe(["Hopper", "Lovelace", "Turing"]);
        using (var paged = await Admin.GetAsync(new Uri("/api/members?pageSize=2&page=2", UriKind.Relative), Ct))
        {
            paged.Headers.GetValues("X-Total-Count").ShouldBe(["3"]);
            (await paged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength().ShouldBe(1);
        }

        var csv = await Admin.GetStringAsync(new Uri("/api/members/export?format=csv&q=navy", UriKind.Relative), Ct);
        csv.ShouldContain("grace@navy.example.org");
        csv.ShouldNotContain("ada@example.com");
        csv.ShouldNotContain("alan@example.net");
        var json = await Admin.GetFromJsonAsync<JsonElement>("/api/members/export?format=json&q=example.net", Ct);
        json.EnumerateArray().Select(m => m.GetProperty("lastName").GetString()).ShouldBe(["Turing"]);
        (await Admin.GetStringAsync(new Uri("/api/members/export", UriKind.Relative), Ct)).ShouldContain("ada@example.com"); // no search: everyone
        (await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct)).EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "members.export" && e.GetProperty("detail").GetString()!.Contains("navy"));

        using var bad = await Admin.GetAsync(new Uri("/api/members?status=gone", UriKind.Relative), Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("use active, offboarded or all");
        (await Admin.GetAsync(new Uri("/api/members/export?sort=salary", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_viewer_never_gets_compensation_and_may_not_change_members_while_finance_sees_it()
    {
        var (ada, _, _) = await MemberSeed.ThreeAsync(Hub);
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/users", new { email = "finance@hub.test", password = "finance password 123", role = "finance" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");
        using var finance = Hub.CreateTokenClient("finance@hub.test");

        foreach (var url in new[] { "/api/members", $"/api/members/{ada}", "/api/members/export?format=json", "/api/members/export?format=csv&q=ada" })
        {
            var seen = await viewer.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
            seen.ShouldNotContain("123456", customMessage: url);
            (await finance.GetStringAsync(new Uri(url, UriKind.Relative), Ct)).ShouldContain("123456", customMessage: url);
        }

        using var viewerPage = await Hub.CreateSignedInClientAsync("viewer@hub.test", "viewer password 123");
        (await viewerPage.GetStringAsync(new Uri("/members", UriKind.Relative), Ct)).ShouldNotContain("123,456");
        (await viewerPage.GetStringAsync(new Uri($"/members/{ada}", UriKind.Relative), Ct)).ShouldSatisfyAllConditions(
            page => page.ShouldNotContain("123,456"), page => page.ShouldNotContain("Edit details"), page => page.ShouldNotContain("offboard-form"));
        (await Admin.GetStringAsync(new Uri("/api/members/export?format=csv", UriKind.Relative), Ct)).ShouldContain("123456.00");

        (await viewer.PatchAsJsonAsync($"/api/members/{ada}", new { jobTitle = "CEO" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync($"/api/members/{ada}/offboard", new { lastDay = "2027-01-01" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsync(new Uri($"/api/members/{ada}/reinstate", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await finance.PatchAsJsonAsync($"/api/members/{ada}", new { jobTitle = "CEO" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/members/{ada}", Ct)).GetProperty("jobTitle").GetString().ShouldBe("Analyst");
    }

    [Fact]
    public async Task Edits_offboarding_and_reinstating_are_checked_audited_and_delivered_to_the_endpoint()
    {
        var (ada, grace, _) = await MemberSeed.ThreeAsync(Hub);
        await using var receiver = await WebhookReceiver.StartAsync();
        (await Admin.PutAsJsonAsync("/api/outbound", new { url = receiver.Url("people") }, Ct)).EnsureSuccessStatusCode();

        using (var refused = await Admin.PatchAsJsonAsync($"/api/members/{ada}", new { personalEmail = "ada at home", startDate = "tomorrow" }, Ct))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            problem.GetProperty("detail").GetString()!.ShouldContain("'ada at home' is not an email address");
            problem.GetProperty("errors").GetProperty("start_date").GetString()!.ShouldContain("'tomorrow' is not a date");
        }

        using (var edited = await Admin.PatchAsJsonAsync($"/api/members/{ada}", new { jobTitle = "Lead Analyst", personalPhone = "" }, Ct))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.OK);
            var member = await edited.Content.ReadFromJsonAsync<JsonElement>(Ct);
            (member.GetProperty("jobTitle").GetString(), member.GetProperty("personalPhone").ValueKind, member.GetProperty("department").GetString()).ShouldBe(("Lead Analyst", JsonValueKind.Null, "Research"));
        }

        using (var noDay = await Admin.PostAsJsonAsync($"/api/members/{grace}/offboard", new { }, Ct))
        {
            noDay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noDay.Content.ReadAsStringAsync(Ct)).ShouldContain("Give the member's last day.");
        }

        (await Admin.PostAsync(new Uri($"/api/members/{grace}/offboard", UriKind.Relative), new StringContent("{", System.Text.Encoding.UTF8, "application/json"), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await Admin.PostAsJsonAsync($"/api/members/{grace}/offboard", new { lastDay = "2027-01-31" }, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("offboarded").GetBoolean().ShouldBeTrue();
        (await FoundAsync(Admin, "status=offboarded")).ShouldBe(["Hopper"]);
        (await FoundAsync(Admin, "status=active")).ShouldBe(["Lovelace", "Turing"]);
        (await Admin.PostAsJsonAsync($"/api/members/{grace}/offboard", new { lastDay = "2027-01-31" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // already
        (await Admin.PostAsync(new Uri($"/api/members/{grace}/reinstate", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.PostAsync(new Uri("/api/members/999999/reinstate", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var actions = (await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct)).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("member.update");
        actions.ShouldContain("member.offboard");
        actions.ShouldContain("member.reinstate");

        // Each change reached the endpoint, signed, with its event type; then the never-sent members follow in one go.
        await Eventually.ValueAsync(() => Task.FromResult(receiver.On("people").Select(r => r.Header("Ashbridge-Event")).ToList()),
            events => events.Count == 3, TimeSpan.FromSeconds(30), "three deliveries");
        receiver.On("people").Select(r => r.Header("Ashbridge-Event")).ShouldBe(["member.updated", "member.offboarded", "member.reinstated"], ignoreOrder: true);
        (await Admin.GetFromJsonAsync<JsonElement>("/api/outbound", Ct)).GetProperty("counts").GetProperty("undelivered").GetInt32().ShouldBe(1); // Alan; Ada and Grace were sent by their changes
        (await (await Admin.PostAsync(new Uri("/api/outbound/undelivered/send", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("queued").GetInt32().ShouldBe(1);
        var log = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/outbound/deliveries?state=delivered&pageSize=10", Ct),
            page => page.GetProperty("total").GetInt32() == 4, TimeSpan.FromSeconds(30), "four delivered");
        log.GetProperty("deliveries")[0].GetProperty("eventType").GetString().ShouldBe("member.added");
        log.GetProperty("deliveries")[0].GetProperty("memberName").GetString().ShouldBe("Alan Turing");
        (await Admin.GetAsync(new Uri("/api/outbound/deliveries?state=lost", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
