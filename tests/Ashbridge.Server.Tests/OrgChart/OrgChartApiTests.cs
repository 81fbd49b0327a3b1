using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ashbridge.Server.Tests.OrgChart;

/// <summary>The org chart's API: the chart as JSON and CSV, the people import, managers without loops, role placement, who may do what, and bad bodies answered 400.</summary>
public sealed class OrgChartApiTests : HubTest
{
    private const string People = """
        name,email,title,department,manager_email
        Mira Ceo,mira@x.com,CEO,Leadership,
        Eve Eng,eve@x.com,Head of Engineering,Engineering,mira@x.com
        Dan Dev,dan@x.com,Engineer,Engineering,eve@x.com
        """;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> ChartAsync(HttpClient client, string query = "") => await client.GetFromJsonAsync<JsonElement>($"/api/org-chart{query}", Ct);

    /// <summary>The people's e-mails in the chart (the demo connection's Ashby users are there too).</summary>
    private async Task<List<string?>> EmailsAsync() =>
        [.. (await ChartAsync(Admin)).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("email").GetString())];

    private static JsonElement Node(JsonElement chart, string name) => chart.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name);

    [Fact]
    public async Task People_are_imported_all_or_nothing_managers_change_without_loops_and_the_chart_exports()
    {
        var dry = await Admin.PostAsync(new Uri("/api/org-chart/people/import?dryRun=true", UriKind.Relative), Csv(People), Ct);
        dry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var dryReport = await dry.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (dryReport.GetProperty("dryRun").GetBoolean(), dryReport.GetProperty("created").GetInt32()).ShouldBe((true, 3));
        (await EmailsAsync()).ShouldNotContain("mira@x.com");

        var bad = await Admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), Csv(People + "\nLoop,loop@x.com,,,loop@x.com\n,nameless@x.com,,,\n"), Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).ShouldBe([5, 6]);
        problem.GetProperty("rows").GetArrayLength().ShouldBe(5);
        (await EmailsAsync()).ShouldNotContain("mira@x.com"); // nothing half-imported

        (await Admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), Csv(People), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var chart = await ChartAsync(Admin);
        var mira = Node(chart, "Mira Ceo").GetProperty("personId").GetInt64();
        var eve = Node(chart, "Eve Eng").GetProperty("personId").GetInt64();
        var dan = Node(chart, "Dan Dev").GetProperty("personId").GetInt64();
        Node(chart, "Dan Dev").GetProperty("parentId").GetString().ShouldBe($"p-{eve}");

        // A loop is refused, naming it.
        using var loop = await Admin.PutAsJsonAsync($"/api/org-chart/people/{mira}/manager", new { managerEmail = "dan@x.com" }, Ct);
        loop.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await loop.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("mira@x.com → dan@x.com → eve@x.com → mira@x.com");
        (await Admin.PutAsJsonAsync($"/api/org-chart/people/{dan}/manager", new { managerId = mira }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Node(await ChartAsync(Admin), "Dan Dev").GetProperty("parentId").GetString().ShouldBe($"p-{mira}");
        (await Admin.PutAsJsonAsync($"/api/org-chart/people/{dan}/manager", new { managerEmail = "ghost@x.com" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PutAsJsonAsync("/api/org-chart/people/999999/manager", new { managerId = mira }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var clear = new HttpRequestMessage(HttpMethod.Put, $"/api/org-chart/people/{dan}/manager") { Content = new StringContent("null", Encoding.UTF8, "application/json") })
        {
            (await Admin.SendAsync(clear, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        Node(await ChartAsync(Admin), "Dan Dev").TryGetProperty("parentId", out var none).ShouldBeTrue();
        none.ValueKind.ShouldBe(JsonValueKind.Null);

        // One department, with the managers above for context; CSV too.
        var engineering = await ChartAsync(Admin, "?department=Engineering");
        engineering.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Order().ShouldBe(["Dan Dev", "Eve Eng", "Mira Ceo"]);
        var csv = await Admin.GetStringAsync(new Uri("/api/org-chart?format=csv&department=Engineering", UriKind.Relative), Ct);
        csv.ShouldStartWith("id,kind,name,title,department,email,parent_id,manager_email,flags");
        csv.ShouldContain("Eve Eng,Head of Engineering,Engineering,eve@x.com");
        (await Admin.GetAsync(new Uri("/api/org-chart?format=xml", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Deleted from the chart: their report is flagged, not moved.
        (await Admin.PutAsJsonAsync($"/api/org-chart/people/{dan}/manager", new { managerId = eve }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.DeleteAsync(new Uri($"/api/org-chart/people/{eve}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await ChartAsync(Admin);
        Node(after, "Eve Eng").GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldBe(["removed"]);
        Node(after, "Dan Dev").GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldBe(["manager-removed"]);
        Node(after, "Dan Dev").GetProperty("parentId").GetString().ShouldBe($"p-{eve}");
        (await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct)).EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "org-chart.import");
    }

    [Fact]
    public async Task A_role_is_placed_under_a_person_kept_and_cleared_back_to_its_suggestion()
    {
        var acme = await OrgChartHubSeed.ConnectionAsync(Hub);
        (await Admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), Csv(People), Ct)).EnsureSuccessStatusCode();
        await OrgChartHubSeed.RoleAsync(Hub, acme, "post-1", "Platform Engineer", "Engineering", "eve@x.com");
        const string url = "/api/connections/acme/open-roles/post-1/manager";

        var suggested = await Admin.GetFromJsonAsync<JsonElement>(url, Ct);
        suggested.GetProperty("placement").GetProperty("how").GetString().ShouldBe("suggested");
        suggested.GetProperty("manager").GetProperty("email").GetString().ShouldBe("eve@x.com");

        var placed = await Admin.PutAsJsonAsync(url, new { managerEmail = "MIRA@x.com" }, Ct);
        placed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await placed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (view.GetProperty("placement").GetProperty("how").GetString(), view.GetProperty("manager").GetProperty("email").GetString()).ShouldBe(("placed", "mira@x.com"));
        var mira = view.GetProperty("manager").GetProperty("id").GetInt64();
        await OrgChartHubSeed.RoleAsync(Hub, acme, "post-1", "Staff Platform Engineer", "Engineering", "eve@x.com"); // a later import changes the role
        Node(await ChartAsync(Admin), "Staff Platform Engineer").GetProperty("parentId").GetString().ShouldBe($"p-{mira}");

        (await Admin.PutAsJsonAsync(url, new { personId = mira }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.PutAsJsonAsync(url, new { personId = 999_999 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PutAsJsonAsync(url, new { managerEmail = "ghost@x.com" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PutAsJsonAsync(url, new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PutAsync(new Uri(url, UriKind.Relative), new StringContent("{\"managerEmail\":", Encoding.UTF8, "application/json"), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PutAsync(new Uri(url, UriKind.Relative), new StringContent("{\"personId\":\"twelve\"}", Encoding.UTF8, "application/json"), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PutAsJsonAsync("/api/connections/acme/open-roles/no-such/manager", new { personId = mira }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin.PutAsJsonAsync("/api/connections/nope/open-roles/post-1/manager", new { personId = mira }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var cleared = await Admin.DeleteAsync(new Uri(url, UriKind.Relative), Ct);
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cleared.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("manager").GetProperty("email").GetString().ShouldBe("eve@x.com");
    }

    [Fact]
    public async Task Viewers_read_the_chart_only_people_changes_need_a_hub_admin_and_placing_needs_operate_on_a_visible_connection()
    {
        var acme = await OrgChartHubSeed.ConnectionAsync(Hub);
        var other = await OrgChartHubSeed.ConnectionAsync(Hub, "other");
        (await Admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), Csv(People), Ct)).EnsureSuccessStatusCode();
        await OrgChartHubSeed.RoleAsync(Hub, acme, "post-1", "Acme Role", "Engineering", "eve@x.com");
        await OrgChartHubSeed.RoleAsync(Hub, other, "post-2", "Other Role", "Engineering", "eve@x.com");
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");
        using var readOnly = Hub.CreateTokenClient(HubFactory.AdminEmail, readOnly: true);
        using var acmeOnly = Hub.CreateTokenClient(HubFactory.AdminEmail, connectionId: acme);
        using var stranger = Hub.CreateAnonymousClient();
        var dan = Node(await ChartAsync(Admin), "Dan Dev").GetProperty("personId").GetInt64();

        (await viewer.GetAsync(new Uri("/api/org-chart", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync(new Uri("/api/connections/acme/open-roles/post-1/manager", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stranger.GetAsync(new Uri("/api/org-chart", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var client in new[] { viewer, readOnly, acmeOnly })
        {
            (await client.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), Csv(People), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync($"/api/org-chart/people/{dan}/manager", new { managerEmail = "mira@x.com" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await viewer.PutAsJsonAsync("/api/connections/acme/open-roles/post-1/manager", new { managerEmail = "mira@x.com" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await readOnly.PutAsJsonAsync("/api/connections/acme/open-roles/post-1/manager", new { managerEmail = "mira@x.com" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await acmeOnly.PutAsJsonAsync("/api/connections/acme/open-roles/post-1/manager", new { managerEmail = "mira@x.com" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await acmeOnly.PutAsJsonAsync("/api/connections/other/open-roles/post-2/manager", new { managerEmail = "mira@x.com" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A token limited to acme sees acme's roles only; people are the hub's.
        var limited = await ChartAsync(acmeOnly);
        limited.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ShouldContain("Acme Role");
        limited.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ShouldNotContain("Other Role");
        (await ChartAsync(Admin)).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ShouldContain("Other Role");

        // The import takes CSV only, and never answers 500 to a bad body.
        (await Admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), Ct)).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        using var notUtf8 = new ByteArrayContent([0x6e, 0x61, 0x6d, 0x65, 0x2c, 0xff, 0xfe, 0x0a]);
        notUtf8.Headers.ContentType = new("text/csv");
        (await Admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), notUtf8, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), Csv(""), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
