using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Ashbridge.Server.Tests.Access;

/// <summary>Signs in through the real form (antiforgery token and cookie included), as a browser does, and hands back the session cookie.</summary>
internal static partial class HubSignIn
{
    public static HttpClient NoRedirectClient(Uri baseAddress) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };

    /// <summary>The <c>ashbridge=…</c> cookie of a new session, or throws with the answer when sign-in fails.</summary>
    public static async Task<string> CookieAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        using var browser = NoRedirectClient(baseAddress);
        var (antiforgeryCookie, token) = await FormAsync(browser, "/signin", null, ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var answer = await browser.SendAsync(post, ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldNotContain("error", customMessage: $"sign-in as {email} failed");
        return Cookies(answer).Single(c => c.StartsWith("ashbridge=", StringComparison.Ordinal));
    }

    /// <summary>Signs the session out through the layout's form; returns the answer's status.</summary>
    public static async Task<HttpStatusCode> SignOutAsync(Uri baseAddress, string sessionCookie, CancellationToken ct)
    {
        using var browser = NoRedirectClient(baseAddress);
        var (antiforgeryCookie, token) = await FormAsync(browser, "/connections", sessionCookie, ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", $"{sessionCookie}; {antiforgeryCookie}");
        using var answer = await browser.SendAsync(post, ct);
        return answer.StatusCode;
    }

    /// <summary>A client that keeps its cookies (a person's browser) and does not follow redirects.</summary>
    public static HttpClient CookieClient(HubFactory hub) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = hub.ClientOptions.BaseAddress };

    /// <summary>Fetches the form with a cookie-keeping client and posts it, with <paramref name="headers"/> added to the post.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string email, string password, Action<HttpRequestHeaders>? headers, CancellationToken ct)
    {
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
            }),
        };
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request, ct);
    }

    /// <summary>A page's antiforgery cookie and form token.</summary>
    public static async Task<(string Cookie, string Token)> FormAsync(HttpClient browser, string page, string? sessionCookie, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        if (sessionCookie is not null) request.Headers.Add("Cookie", sessionCookie);
        using var form = await browser.SendAsync(request, ct);
        form.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var html = await form.Content.ReadAsStringAsync(ct);
        return (Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), AntiforgeryField().Match(html).Groups[1].Value);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage answer) =>
        (answer.Headers.TryGetValues("Set-Cookie", out var set) ? set : []).Select(c => c.Split(';')[0]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
