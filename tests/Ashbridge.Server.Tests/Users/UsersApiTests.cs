using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Users;

/// <summary>The user directory, the access review and hiring team changes over HTTP, against a real hub and a second emulated Ashby.</summary>
public sealed class UsersApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    private const string Users = "/api/connections/acme/users";
    private static readonly string[] NotAnAddress = ["not an address"];
    private static readonly string[] ItOnly = ["it@example.com"];
    private const string Teams = "/api/connections/acme/hiring-teams";

    private async Task<string> ConnectAsync()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        var email = $"api.user.{Guid.NewGuid():N}@example.com";
        using var control = new HttpClient();
        (await control.PostAsJsonAsync(new Uri(ashby.BaseUrl, "_emulator/users"), new { firstName = "Api", lastName = "Person", email }, Ct)).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/connections/acme/sync", new { mode = "incremental" }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>($"{Users}?q={email}", Ct), u => u.GetArrayLength() == 1, TimeSpan.FromSeconds(90), "the new user in acme's mirror");
        return email;
    }

    private async Task<(string JobId, string RoleId, string RoleTitle)> JobAndRoleAsync()
    {
        var choices = await Admin.GetFromJsonAsync<JsonElement>($"{Teams}/roles", Ct);
        choices.GetProperty("jobLevelBlocked").ValueKind.ShouldBe(JsonValueKind.Null);
        var role = choices.GetProperty("roles")[0];
        var jobs = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles", Ct),
            r => r.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "acme's open roles (open, not confidential jobs)");
        return (jobs[0].GetProperty("jobId").GetString()!, role.GetProperty("id").GetString()!, role.GetProperty("title").GetString()!);
    }

    [Fact]
    public async Task Users_are_searched_by_email_exported_and_added_to_a_hiring_team_that_Ashby_then_shows()
    {
        var email = await ConnectAsync();
        var found = (await Admin.GetFromJsonAsync<JsonElement>($"{Users}?q={email.ToUpperInvariant()}", Ct))[0];
        found.GetProperty("email").GetString().ShouldBe(email);
        found.GetProperty("globalRole").GetString().ShouldBe("Limited Access");
        found.GetProperty("isEnabled").GetBoolean().ShouldBeTrue();
        found.GetProperty("hiringTeams").GetArrayLength().ShouldBe(0);
        (await Admin.GetFromJsonAsync<JsonElement>($"{Users}?q=Api Person", Ct)).EnumerateArray().ShouldContain(u => u.GetProperty("email").GetString() == email);

        var (jobId, roleId, roleTitle) = await JobAndRoleAsync();
        using (var added = await Admin.PostAsJsonAsync(Teams, new { jobId, userEmail = email, roleId }, Ct))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync(Ct));
            var answer = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
            answer.GetProperty("role").GetString().ShouldBe(roleTitle);
        }

        // Ashby has it, and so has the mirror (re-read after the change).
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ashby.BaseUrl, "job.info")) { Content = JsonContent.Create(new { id = jobId }) };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ashby.ApiKey + ":")));
        var job = await (await http.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        job.GetProperty("results").GetProperty("hiringTeam").EnumerateArray().ShouldContain(m => m.GetProperty("email").GetString() == email && m.GetProperty("role").GetString() == roleTitle);
        var seat = (await Admin.GetFromJsonAsync<JsonElement>($"{Users}?q={email}", Ct))[0].GetProperty("hiringTeams").EnumerateArray().ShouldHaveSingleItem();
        (seat.GetProperty("level").GetString(), seat.GetProperty("jobId").GetString(), seat.GetProperty("role").GetString()).ShouldBe(("job", jobId, roleTitle));

        // Exports follow the search.
        using (var csv = await Admin.GetAsync(new Uri($"{Users}/export?q={email}", UriKind.Relative), Ct))
        {
            csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            var lines = (await csv.Content.ReadAsStringAsync(Ct)).Trim().Split('\n');
            lines.Length.ShouldBe(2);
            lines[1].ShouldContain(email);
            lines[1].ShouldContain(roleTitle);
        }

        var json = await Admin.GetFromJsonAsync<JsonElement>($"{Users}/export?format=json&q={email}", Ct);
        json.GetArrayLength().ShouldBe(1);
        var changes = await Admin.GetFromJsonAsync<JsonElement>($"{Users}/changes?since=2000-01-01", Ct);
        changes.EnumerateArray().ShouldContain(c => c.GetProperty("email").GetString() == email && c.GetProperty("kind").GetString() == "added");

        // Removed again.
        (await Admin.PostAsJsonAsync($"{Teams}/remove", new { jobId, userEmail = email, roleId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.GetFromJsonAsync<JsonElement>($"{Users}?q={email}", Ct))[0].GetProperty("hiringTeams").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_gets_a_reason_bad_bodies_a_400_never_a_500_and_viewers_cannot_change_teams()
    {
        var email = await ConnectAsync();
        var (jobId, roleId, _) = await JobAndRoleAsync();

        async Task<JsonElement> Refused(object body, HttpStatusCode status)
        {
            using var response = await Admin.PostAsJsonAsync(Teams, body, Ct);
            response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        (await Refused(new { jobId, userEmail = "nobody@nowhere.example", roleId }, HttpStatusCode.UnprocessableEntity)).GetProperty("reason").GetString().ShouldBe("userNotFound");
        (await Refused(new { jobId, userEmail = email, roleId = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity)).GetProperty("reason").GetString().ShouldBe("roleNotFound");
        (await Refused(new { jobId = Guid.NewGuid(), userEmail = email, roleId }, HttpStatusCode.UnprocessableEntity)).GetProperty("reason").GetString().ShouldBe("jobNotFound");
        (await Refused(new { applicationId = "x", jobId, userEmail = email, roleId }, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe("Give exactly one of jobId or applicationId.");
        (await Refused(new { jobId, roleId }, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("userEmail");

        foreach (var body in new List<string> { "{", "[]", "\"text\"", "{\"jobId\": 7}", "{\"userEmail\": [1]}", "", "null" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Admin.PostAsync(new Uri(Teams, UriKind.Relative), content, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        }

        (await Admin.GetAsync(new Uri($"{Users}/changes?since=yesterday", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.GetAsync(new Uri($"{Users}/changes", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.GetAsync(new Uri($"{Users}/export?format=xml", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.GetAsync(new Uri("/api/connections/nope/users", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin.PostAsJsonAsync("/api/connections/nope/hiring-teams", new { jobId, userEmail = email, roleId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");
        (await viewer.GetAsync(new Uri(Users, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync(new Uri($"{Users}/review", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync(Teams, new { jobId, userEmail = email, roleId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync(new Uri($"{Users}/review/email", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var stranger = Hub.CreateAnonymousClient();
        (await stranger.GetAsync(new Uri(Users, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var document = JsonDocument.Parse(await Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/connections/{name}/users").GetProperty("get").GetProperty("operationId").GetString().ShouldBe("ListAshbyUsers");
        paths.GetProperty("/api/connections/{name}/hiring-teams").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("AddHiringTeamMember");
        paths.GetProperty("/api/connections/{name}/users/review").GetProperty("get").GetProperty("operationId").GetString().ShouldBe("ReviewAshbyAccess");
    }

    [Fact]
    public async Task The_access_review_is_read_exported_and_its_weekly_email_set_by_admins()
    {
        var email = await ConnectAsync();

        var review = await Admin.GetFromJsonAsync<JsonElement>($"{Users}/review", Ct);
        review.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("kind").GetString() == "notInDirectory" && f.GetProperty("user").GetProperty("email").GetString() == email);
        var csv = await Admin.GetStringAsync(new Uri($"{Users}/review/export", UriKind.Relative), Ct);
        csv.ShouldStartWith("finding,email");
        csv.ShouldContain($"notInDirectory,{email}");

        (await Admin.PutAsJsonAsync($"{Users}/review/email", new { weekly = true, recipients = NotAnAddress }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admin.PutAsJsonAsync($"{Users}/review/email", new { weekly = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var bad = new StringContent("{\"weekly\": \"yes\"}", Encoding.UTF8, "application/json"))
        {
            (await Admin.PutAsync(new Uri($"{Users}/review/email", UriKind.Relative), bad, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var saved = await (await Admin.PutAsJsonAsync($"{Users}/review/email", new { weekly = true, recipients = ItOnly }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        saved.GetProperty("weekly").GetBoolean().ShouldBeTrue();
        saved.GetProperty("recipients")[0].GetString().ShouldBe("it@example.com");
        var notice = await (await Admin.PostAsync(new Uri($"{Users}/review/email/send", UriKind.Relative), null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        notice.GetProperty("kind").GetString().ShouldBe("user_access_weekly");
        notice.GetProperty("body").GetString()!.ShouldContain(email);
        (await Admin.GetFromJsonAsync<JsonElement>($"{Users}/review/email", Ct)).GetProperty("lastSentAt").ValueKind.ShouldBe(JsonValueKind.String);
    }
}
