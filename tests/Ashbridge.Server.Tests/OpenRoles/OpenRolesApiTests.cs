using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.OpenRoles;

/// <summary>Open roles over HTTP, against a real hub and a second emulated Ashby: reading, Import now, the policy and who may change it.</summary>
public sealed class OpenRolesApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    private static readonly string[] HrOnly = ["hr@example.com"];

    [Fact]
    public async Task Roles_are_read_by_viewers_imported_and_configured_by_operators_and_confidential_jobs_show_only_after_opting_in()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        var roles = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles", Ct),
            r => r.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "acme's open roles after its first pass");
        var role = roles.EnumerateArray().First();
        role.GetProperty("postingState").GetString().ShouldBe("Published");
        role.GetProperty("isOpen").GetBoolean().ShouldBeTrue();
        roles.ToString().ShouldNotContain("compensation", Case.Insensitive);
        var postingId = role.GetProperty("postingId").GetString();
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/connections/acme/open-roles/{postingId}", Ct)).GetProperty("title").GetString()
            .ShouldBe(role.GetProperty("title").GetString());
        (await Admin.GetAsync(new Uri("/api/connections/acme/open-roles/no-such-posting", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A confidential job in Ashby: imported now, but left out until an admin opts in.
        using var control = new HttpClient();
        using (var created = await control.PostAsJsonAsync(new Uri(ashby.BaseUrl, "_emulator/jobs"), new { title = "Head of Secret Projects", confidential = true }, Ct))
        {
            created.EnsureSuccessStatusCode();
        }

        using (var import = await Admin.PostAsync(new Uri("/api/connections/acme/open-roles/import", UriKind.Relative), null, Ct))
        {
            import.StatusCode.ShouldBe(HttpStatusCode.OK);
            var result = await import.Content.ReadFromJsonAsync<JsonElement>(Ct);
            result.GetProperty("trigger").GetString().ShouldBe("manual");
            result.GetProperty("succeeded").GetBoolean().ShouldBeTrue(result.ToString());
            result.GetProperty("new").GetInt32().ShouldBe(0); // the confidential job's posting is not an open role by default
        }

        var imports = await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles/imports", Ct);
        imports[0].GetProperty("trigger").GetString().ShouldBe("manual");
        (await Admin.GetStringAsync(new Uri("/api/connections/acme/open-roles", UriKind.Relative), Ct)).ShouldNotContain("Head of Secret Projects");

        // A viewer reads the roles, the history and the policy, but cannot import or change the policy.
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");
        (await viewer.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles", Ct)).GetArrayLength().ShouldBe(roles.GetArrayLength());
        (await viewer.GetAsync(new Uri("/api/connections/acme/open-roles/imports", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync(new Uri("/api/connections/acme/open-roles/settings", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsync(new Uri("/api/connections/acme/open-roles/import", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PutAsJsonAsync("/api/connections/acme/open-roles/settings", new { includeConfidential = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Opting in shows the confidential role at once, marked.
        using (var saved = await Admin.PutAsJsonAsync("/api/connections/acme/open-roles/settings",
            new { includeConfidential = true, publicFeed = true, staleAfterMinutes = 720, notifyEmails = HrOnly }, Ct))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            var settings = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
            settings.GetProperty("includeConfidential").GetBoolean().ShouldBeTrue();
            settings.GetProperty("staleAfterMinutes").GetInt32().ShouldBe(720);
            settings.GetProperty("notifyEmails").EnumerateArray().Select(e => e.GetString()).ShouldBe(["hr@example.com"]);
        }

        var secret = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles", Ct)).EnumerateArray()
            .Where(r => r.GetProperty("title").GetString() == "Head of Secret Projects").ShouldHaveSingleItem();
        secret.GetProperty("isConfidential").GetBoolean().ShouldBeTrue();
        (await viewer.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles/settings", Ct)).GetProperty("publicFeed").GetBoolean().ShouldBeTrue();

        // Opting out again: the role closes, and nothing shows it, not even the closed roles or a direct read.
        (await Admin.PutAsJsonAsync("/api/connections/acme/open-roles/settings", new { includeConfidential = false }, Ct)).EnsureSuccessStatusCode();
        (await Admin.GetStringAsync(new Uri("/api/connections/acme/open-roles", UriKind.Relative), Ct)).ShouldNotContain("Head of Secret Projects");
        (await Admin.GetStringAsync(new Uri("/api/connections/acme/open-roles?includeClosed=true", UriKind.Relative), Ct)).ShouldNotContain("Head of Secret Projects");
        (await Admin.GetAsync(new Uri($"/api/connections/acme/open-roles/{secret.GetProperty("postingId").GetString()}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles/imports", Ct))[0].GetProperty("closed").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("{\"includeConfidential\":", "")]
    [InlineData("{\"includeConfidential\":\"yes\"}", "")]
    [InlineData("{\"staleAfterMinutes\":0}", "staleAfterMinutes is from 1")]
    [InlineData("{\"notifyEmails\":[\"not an address\"]}", "\"not an address\" is not an e-mail address")]
    [InlineData("[]", "")]
    public async Task A_malformed_or_wrong_settings_body_is_a_400_that_says_what_is_wrong(string body, string says)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Admin.PutAsync(new Uri("/api/connections/demo/open-roles/settings", UriKind.Relative), content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("detail").GetString()!.ShouldContain(says);
        (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/open-roles/settings", Ct)).GetProperty("notifyEmails").GetArrayLength().ShouldBe(0);
    }
}
