using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Ashbridge.Server.Tests.Hosting;

/// <summary>
/// Signs in through the sign-in form, as a person does. The cookie it gets reads nothing from the database per request
/// (a bearer token records its last use), so it still works while the database is locked or gone.
/// </summary>
internal static partial class FormSignIn
{
    /// <summary>A client signed in as the hub's first admin, by cookie.</summary>
    public static async Task<HttpClient> AdminAsync(HubFactory hub, CancellationToken ct)
    {
        var client = Client(hub);
        using var response = await PostAsync(client, HubFactory.AdminEmail, HubFactory.AdminPassword, null, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldNotContain("error");
        return client;
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Client(HubFactory hub) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = hub.ClientOptions.BaseAddress };

    /// <summary>Fetches the form (for its anti-forgery token) and posts it, with <paramref name="headers"/> added to the post.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, Action<HttpRequestHeaders>? headers, CancellationToken ct)
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
