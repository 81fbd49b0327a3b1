using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Access;

/// <summary>One test per hole the access probe found (issue 21), each failing against the hub as it was.</summary>
public sealed class AccessDefectTests : HubTest
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task A_token_limited_to_one_connection_cannot_mint_tokens_add_admins_change_hub_settings_or_read_access_data()
    {
        var demo = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo", Ct)).GetProperty("connection").GetProperty("id").GetInt64();
        using var limited = Hub.CreateTokenClient(HubFactory.AdminEmail, connectionId: demo);

        using var escape = await limited.PostAsJsonAsync("/api/tokens", new { name = "escape" }, Ct);
        escape.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await escape.Content.ReadAsStringAsync(Ct)).ShouldContain("limited to one connection");
        (await limited.PostAsJsonAsync("/api/users", new { email = "evil@hub.test", password = Password, role = "admin" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await limited.PutAsJsonAsync("/api/outbound", new { url = "https://evil.example/hook" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var path in new[] { "/api/audit", "/api/tokens", "/api/users", "/api/outbound" })
        {
            (await limited.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }

        (await Hub.Services.GetRequiredService<UserStore>().FindAsync("evil@hub.test", Ct)).ShouldBeNull();
        (await Admin.GetFromJsonAsync<JsonElement>("/api/tokens", Ct)).EnumerateArray().ShouldNotContain(t => t.GetProperty("name").GetString() == "escape");
        // What it is for still works: its own connection.
        (await limited.PostAsJsonAsync("/api/connections/demo/sync", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task The_cookie_key_ring_is_in_the_hub_database_encrypted_with_a_key_in_the_data_folder()
    {
        await HubSignIn.CookieAsync(Hub.ClientOptions.BaseAddress, HubFactory.AdminEmail, HubFactory.AdminPassword, Ct);

        var keyFile = Path.Combine(Hub.DataFolder, KeyRingKey.FileName);
        File.Exists(keyFile).ShouldBeTrue();
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var connection = await Hub.Services.GetRequiredService<AshbridgeDatabase>().ConnectAsync(Ct);
        var stored = (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(xml => xml.Contains("encryptedKey") && !xml.Contains("masterKey"));
    }

    [Fact]
    public async Task Viewers_get_no_salary_from_mirror_reads_while_admins_and_finance_do()
    {
        await using var connection = await Hub.Services.GetRequiredService<AshbridgeDatabase>().ConnectAsync(Ct);
        var candidate = await Eventually.ValueAsync(
            () => connection.QueryFirstOrDefaultAsync<string?>("SELECT id FROM mirror_candidates WHERE raw_json LIKE '%Salary Expectation%'"),
            id => id is not null, TimeSpan.FromSeconds(60), "a mirrored candidate with a Salary Expectation");
        var offer = await Eventually.ValueAsync(
            () => connection.QueryFirstOrDefaultAsync<string?>("SELECT id FROM mirror_offers WHERE raw_json LIKE '%\"salary\"%'"),
            id => id is not null, TimeSpan.FromSeconds(60), "a mirrored offer with a salary");
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = Password, role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/users", new { email = "finance@hub.test", password = Password, role = "finance" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");
        using var finance = Hub.CreateTokenClient("finance@hub.test");

        foreach (var (path, secret) in new[] { ($"/api/connections/demo/mirror/candidates/{candidate}", "Salary Expectation"), ($"/api/connections/demo/mirror/offers/{offer}", "\"salary\"") })
        {
            (await Admin.GetStringAsync(new Uri(path, UriKind.Relative), Ct)).ShouldContain(secret);
            (await finance.GetStringAsync(new Uri(path, UriKind.Relative), Ct)).ShouldContain(secret);
            var seen = await viewer.GetStringAsync(new Uri(path, UriKind.Relative), Ct);
            seen.ShouldNotContain(secret);
            JsonDocument.Parse(seen).RootElement.GetProperty("ashby").GetProperty("id").GetString().ShouldNotBeNull(); // the rest is still there
        }
    }

    [Fact]
    public async Task Signing_out_disabling_re_roling_and_resetting_a_password_end_sessions_and_tokens_at_once()
    {
        var baseAddress = Hub.ClientOptions.BaseAddress;
        (await Admin.PostAsJsonAsync("/api/users", new { email = "ops@hub.test", password = Password, role = "admin" }, Ct)).EnsureSuccessStatusCode();
        var id = (await Admin.GetFromJsonAsync<JsonElement>("/api/users", Ct)).EnumerateArray().Single(u => u.GetProperty("email").GetString() == "ops@hub.test").GetProperty("id").GetInt64();
        using var browser = HubSignIn.NoRedirectClient(baseAddress);

        async Task<HttpStatusCode> PageAsync(string cookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/connections");
            request.Headers.Add("Cookie", cookie);
            using var response = await browser.SendAsync(request, Ct);
            return response.StatusCode;
        }

        var signedOut = await HubSignIn.CookieAsync(baseAddress, "ops@hub.test", Password, Ct);
        var other = await HubSignIn.CookieAsync(baseAddress, "ops@hub.test", Password, Ct);
        (await PageAsync(signedOut)).ShouldBe(HttpStatusCode.OK);
        (await HubSignIn.SignOutAsync(baseAddress, signedOut, Ct)).ShouldBe(HttpStatusCode.Redirect);
        (await PageAsync(signedOut)).ShouldBe(HttpStatusCode.Redirect);
        (await PageAsync(other)).ShouldBe(HttpStatusCode.OK); // sign-out ends that session only

        using var token = Hub.CreateTokenClient("ops@hub.test");
        (await token.GetAsync(new Uri("/api/tokens", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.PatchAsJsonAsync($"/api/users/{id}", new { role = "viewer" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageAsync(other)).ShouldBe(HttpStatusCode.Redirect);
        (await token.GetAsync(new Uri("/api/connections", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var afterRole = await HubSignIn.CookieAsync(baseAddress, "ops@hub.test", Password, Ct);
        (await Admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "a brand new password" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PageAsync(afterRole)).ShouldBe(HttpStatusCode.Redirect);

        var afterReset = await HubSignIn.CookieAsync(baseAddress, "ops@hub.test", "a brand new password", Ct);
        (await Admin.PatchAsJsonAsync($"/api/users/{id}", new { disabled = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageAsync(afterReset)).ShouldBe(HttpStatusCode.Redirect);

        (await Admin.DeleteAsync(new Uri($"/api/users/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Admin.DeleteAsync(new Uri($"/api/users/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var actions = (await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct)).EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("sign-out");
        actions.ShouldContain("user.role");
        actions.ShouldContain("user.password.reset");
        actions.ShouldContain("user.disable");
        actions.ShouldContain("user.remove");
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_and_a_role_must_be_one_of_ours()
    {
        var id = (await Admin.GetFromJsonAsync<JsonElement>("/api/users", Ct)).EnumerateArray().Single().GetProperty("id").GetInt64();

        using var demote = await Admin.PatchAsJsonAsync($"/api/users/{id}", new { role = "viewer" }, Ct);
        demote.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await demote.Content.ReadAsStringAsync(Ct)).ShouldContain("only active admin");
        using var numbered = await Admin.PostAsJsonAsync("/api/users", new { email = "seven@hub.test", password = Password, role = 7 }, Ct);
        numbered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Hub.Services.GetRequiredService<UserStore>().FindAsync("seven@hub.test", Ct)).ShouldBeNull();
        (await Admin.PatchAsJsonAsync($"/api/users/{id}", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Sign_in_returns_only_to_a_local_page(string returnUrl)
    {
        using var browser = HubSignIn.NoRedirectClient(Hub.ClientOptions.BaseAddress);
        var (cookie, token) = await HubSignIn.FormAsync(browser, "/signin", null, Ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = HubFactory.AdminEmail, ["password"] = HubFactory.AdminPassword, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", cookie);
        using var answer = await browser.SendAsync(post, Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldBe("/connections");
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_lives()
    {
        var cookie = await HubSignIn.CookieAsync(Hub.ClientOptions.BaseAddress, HubFactory.AdminEmail, HubFactory.AdminPassword, Ct);
        using var browser = HubSignIn.NoRedirectClient(Hub.ClientOptions.BaseAddress);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signout") { Content = new FormUrlEncodedContent([]) };
        post.Headers.Add("Cookie", cookie);
        (await browser.SendAsync(post, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/connections");
        page.Headers.Add("Cookie", cookie);
        (await browser.SendAsync(page, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/connections/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/api/tokens", HttpStatusCode.Unauthorized)]
    [InlineData("/api/users", HttpStatusCode.Forbidden)]
    public async Task Error_answers_carry_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = status switch
        {
            HttpStatusCode.Unauthorized => Hub.CreateAnonymousClient(),
            HttpStatusCode.Forbidden => Hub.CreateTokenClient(HubFactory.AdminEmail, readOnly: false, connectionId: 1),
            _ => Admin,
        };
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(status);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999")]
    public async Task The_token_form_refuses_a_connection_that_does_not_exist_instead_of_making_an_unlimited_token(string connectionId)
    {
        var cookie = await HubSignIn.CookieAsync(Hub.ClientOptions.BaseAddress, HubFactory.AdminEmail, HubFactory.AdminPassword, Ct);
        using var browser = HubSignIn.NoRedirectClient(Hub.ClientOptions.BaseAddress);
        var (antiforgery, token) = await HubSignIn.FormAsync(browser, "/access", cookie, Ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/access?handler=CreateToken")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "probe", ["connectionId"] = connectionId, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        using var answer = await browser.SendAsync(post, Ct);

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity); // refused, with the reason beside the field
        (await answer.Content.ReadAsStringAsync(Ct)).ShouldContain("That connection does not exist");
        (await Hub.Services.GetRequiredService<TokenStore>().ListAsync(Ct)).ShouldNotContain(t => t.Name == "probe");
    }
}
