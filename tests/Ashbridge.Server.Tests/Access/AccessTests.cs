using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Core.Access;
using Ashbridge.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Access;

public sealed partial class AccessTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_token_limited_to_one_connection_reads_nothing_of_another()
    {
        var acme = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme", Ct)).GetProperty("connection").GetProperty("id").GetInt64();
        using var limited = Hub.CreateTokenClient(HubFactory.AdminEmail, connectionId: acme);

        var list = await limited.GetFromJsonAsync<JsonElement>("/api/connections", Ct);
        list.EnumerateArray().Select(c => c.GetProperty("connection").GetProperty("name").GetString()).ShouldBe(["acme"]);
        var status = await limited.GetFromJsonAsync<JsonElement>("/api/status", Ct);
        status.GetProperty("mirror").EnumerateArray().Select(m => m.GetProperty("connection").GetString()).ShouldBe(["acme"]);
        foreach (var path in new[] { "/api/connections/demo", "/api/connections/demo/runs", "/api/connections/demo/webhooks" })
        {
            (await limited.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        (await limited.GetAsync(new Uri("/api/connections/acme/runs", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.GetAsync(new Uri("/api/connections/demo", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_read_only_token_reads_but_changes_nothing_and_a_revoked_token_is_refused()
    {
        using var reader = Hub.CreateTokenClient(HubFactory.AdminEmail, readOnly: true);

        (await reader.GetAsync(new Uri("/api/connections/acme", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await reader.PostAsJsonAsync("/api/connections/acme/sync", new { }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("read");

        using var created = await Admin.PostAsJsonAsync("/api/tokens", new { name = "short-lived" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var script = Hub.CreateAnonymousClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Admin.DeleteAsync(new Uri($"/api/tokens/{token.GetProperty("record").GetProperty("id").GetInt64()}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var audit = await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct);
        audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ShouldContain("token.revoke");
        audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ShouldContain("token.create");
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_change_connections_or_see_secrets_and_tokens()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "a long viewer password", role = "viewer" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");

        (await viewer.GetAsync(new Uri("/api/connections/acme", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync("/api/connections/acme/sync", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync(new Uri("/api/connections/acme", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync(new Uri("/api/connections/acme/webhooks", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync(new Uri("/api/tokens", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync("/api/users", new { email = "x@hub.test", password = "another long password", role = "admin" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_password_fails_is_audited_and_guessing_is_rate_limited()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Hub.ClientOptions.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            // The form's antiforgery token and cookie, as a browser would send them.
            using var form = await browser.GetAsync(new Uri("/signin", UriKind.Relative), Ct);
            var html = await form.Content.ReadAsStringAsync(Ct);
            var antiforgery = AntiforgeryField().Match(html).Groups[1].Value;
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["email"] = HubFactory.AdminEmail, ["password"] = "not the password", ["__RequestVerificationToken"] = antiforgery,
                }),
            };
            foreach (var cookie in form.Headers.TryGetValues("Set-Cookie", out var set) ? set : []) post.Headers.Add("Cookie", cookie.Split(';')[0]);
            using var answer = await browser.SendAsync(post, Ct);
            statuses.Add(answer.StatusCode);
            if (answer.StatusCode == HttpStatusCode.Redirect) answer.Headers.Location!.ToString().ShouldStartWith(i < UserStore.FailuresBeforeLockout - 1 ? "/signin?error=refused" : "/signin?error=locked");
        }

        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.Redirect);
        statuses.Skip(10).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        var audit = await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct);
        // Four wrong passwords, then the account is locked: the fifth and later attempts are refused as locked out.
        audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "sign-in.failed" && a.GetProperty("actor").GetString() == HubFactory.AdminEmail).ShouldBe(UserStore.FailuresBeforeLockout - 1);
        audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "sign-in.locked-out" && a.GetProperty("actor").GetString() == HubFactory.AdminEmail).ShouldBe(11 - UserStore.FailuresBeforeLockout);
    }

    [Fact]
    public async Task With_no_admin_configured_the_first_start_makes_one_and_leaves_its_password_for_the_owner_only()
    {
        await using var hub = new HubFactory(new() { ["Ashbridge:Admin:Email"] = "", ["Ashbridge:Admin:Password"] = "" });
        hub.StartServer();

        var file = Path.Combine(hub.DataFolder, Ashbridge.Server.Access.FirstAdmin.PasswordFile);
        var lines = await File.ReadAllLinesAsync(file, Ct);
        lines[0].ShouldBe(Ashbridge.Server.Access.FirstAdmin.DefaultEmail);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await hub.Services.GetRequiredService<UserStore>().VerifyAsync(lines[0], lines[1], Ct)).ShouldNotBeNull().Role.ShouldBe(UserRole.Admin);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
