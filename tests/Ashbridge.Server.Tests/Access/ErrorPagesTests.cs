using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ashbridge.Server.Tests.Access;

/// <summary>
/// Browsers get error pages in the layout at the address they asked for; scripts' paths keep their problem answers.
/// </summary>
public sealed class ErrorPagesTests : HubTest
{
    [Fact]
    public async Task A_missing_page_answers_404_with_a_page_in_the_layout_for_a_signed_in_person()
    {
        using var browser = await Hub.CreateSignedInClientAsync();
        browser.DefaultRequestHeaders.Add("Accept", "text/html");
        using var answer = await browser.GetAsync(new Uri("/no-such-page", UriKind.Relative), Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await answer.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Page not found");
        html.ShouldContain("/no-such-page");
        html.ShouldContain("href=\"/\"");
        html.ShouldContain("site-nav"); // in the layout, with the navigation
    }

    [Fact]
    public async Task A_viewer_opening_an_admin_page_gets_403_naming_the_role_and_the_admins_not_a_redirect_to_a_missing_page()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "a long enough password", role = "viewer" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var cookie = await HubSignIn.CookieAsync(Hub.ClientOptions.BaseAddress, "viewer@hub.test", "a long enough password", Ct);
        using var viewer = HubSignIn.NoRedirectClient(Hub.ClientOptions.BaseAddress);
        foreach (var page in new[] { "/access", "/audit" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.Add("Cookie", cookie);
            using var answer = await viewer.SendAsync(request, Ct);
            answer.StatusCode.ShouldBe(HttpStatusCode.Forbidden, page);
            answer.Headers.Location.ShouldBeNull(page);
            var html = await answer.Content.ReadAsStringAsync(Ct);
            html.ShouldContain("You do not have access");
            html.ShouldContain("an admin");
            html.ShouldContain("whose role is viewer");
            html.ShouldContain(HubFactory.AdminEmail);
        }
    }

    [Fact]
    public async Task Api_errors_stay_problem_json_for_people_and_scripts_alike()
    {
        using var missing = await Admin.DeleteAsync(new Uri("/api/users/999999", UriKind.Relative), Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "a long enough password", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = await Hub.CreateSignedInClientAsync("viewer@hub.test", "a long enough password");
        viewer.DefaultRequestHeaders.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"); // even asked as a browser asks
        using var refused = await viewer.GetAsync(new Uri("/api/users", UriKind.Relative), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();

        using var unknown = await viewer.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative), Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (unknown.Content.Headers.ContentType?.MediaType ?? "").ShouldNotBe("text/html");
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldNotContain("<html");

        using var health = await viewer.GetAsync(new Uri("/healthz/nothing", UriKind.Relative), Ct);
        (await health.Content.ReadAsStringAsync(Ct)).ShouldNotContain("<html");
    }

    [Fact]
    public async Task A_strangers_unknown_address_leads_to_sign_in_and_gives_nothing_away()
    {
        using var stranger = HubSignIn.NoRedirectClient(Hub.ClientOptions.BaseAddress);
        using var answer = await stranger.GetAsync(new Uri("/no-such-page", UriKind.Relative), Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldContain("/signin");
    }

    [Fact]
    public async Task The_favicon_is_found_under_its_old_name_too_even_by_strangers()
    {
        using var stranger = Hub.CreateAnonymousClient();
        using var icon = await stranger.GetAsync(new Uri("/favicon.ico", UriKind.Relative), Ct);
        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }

    [Fact]
    public async Task Failure_and_outage_pages_give_a_request_id_and_say_what_to_do()
    {
        using var browser = await Hub.CreateSignedInClientAsync();
        using var failure = await browser.GetAsync(new Uri("/error/500", UriKind.Relative), Ct);
        failure.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await failure.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Something went wrong");
        html.ShouldContain("id=\"request-id\"");

        using var stranger = Hub.CreateAnonymousClient();
        using var outage = await stranger.GetAsync(new Uri("/error/503", UriKind.Relative), Ct);
        outage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await outage.Content.ReadAsStringAsync(Ct)).ShouldContain("database is not answering");
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_answer_429_with_a_page_that_says_to_wait()
    {
        using var browser = HubSignIn.CookieClient(Hub);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last?.Dispose();
            last = await HubSignIn.PostFormAsync(browser, HubFactory.AdminEmail, "not the password", null, Ct);
        }

        using (last)
        {
            last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            var html = await last.Content.ReadAsStringAsync(Ct);
            html.ShouldContain("Too many attempts");
            html.ShouldContain("Wait a minute");
        }
    }
}
