using System.Net;
using System.Text.Json;

namespace Ashbridge.Server.Tests.Hosting;

/// <summary>X-Forwarded-For and X-Forwarded-Proto are believed from the configured proxies only; with none configured they are ignored.</summary>
public sealed class ForwardedHeadersTests
{
    private const string ClientAddress = "203.0.113.7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Ashbridge:ForwardedHeaders:KnownProxies:0", "127.0.0.1", true)]
    [InlineData("Ashbridge:ForwardedHeaders:KnownNetworks", "10.0.0.0/8, 127.0.0.0/8", true)]
    [InlineData("Ashbridge:ForwardedHeaders:KnownProxies:0", "10.1.2.3", false)] // a proxy, but not the one the request came from
    [InlineData(null, null, false)]
    public async Task Forwarded_scheme_and_client_address_are_used_only_from_a_configured_proxy(string? key, string? value, bool believed)
    {
        await using var hub = new HubFactory(key is null ? null : new() { [key] = value });
        hub.StartServer();
        using var admin = hub.CreateClient();

        // The Request URL for Ashby is built from the request's scheme.
        using var webhooks = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/connections/demo/webhooks", UriKind.Relative));
        webhooks.Headers.Add("X-Forwarded-Proto", "https");
        using var setup = await admin.SendAsync(webhooks, Ct);
        setup.StatusCode.ShouldBe(HttpStatusCode.OK);
        var requestUrl = JsonSerializer.Deserialize<JsonElement>(await setup.Content.ReadAsStringAsync(Ct)).GetProperty("requestUrl").GetString()!;
        requestUrl.ShouldStartWith(believed ? "https://" : "http://");

        // Signed in behind TLS termination, the cookie is Secure; the audit log names the client, not the proxy.
        using var person = Access.HubSignIn.CookieClient(hub);
        using var signIn = await Access.HubSignIn.PostFormAsync(person, HubFactory.AdminEmail, HubFactory.AdminPassword, h =>
        {
            h.Add("X-Forwarded-Proto", "https");
            h.Add("X-Forwarded-For", ClientAddress);
        }, Ct);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ashbridge=", StringComparison.Ordinal));
        cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase).ShouldBe(believed, cookie);

        var audit = await admin.GetStringAsync(new Uri("/api/audit", UriKind.Relative), Ct);
        audit.Contains(ClientAddress, StringComparison.Ordinal).ShouldBe(believed, audit);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start_and_says_which()
    {
        await using var hub = new HubFactory(new() { ["Ashbridge:ForwardedHeaders:KnownProxies:0"] = "proxy.internal" });

        var error = Should.Throw<Exception>(hub.StartServer);

        error.ToString().ShouldContain("Ashbridge:ForwardedHeaders:KnownProxies holds 'proxy.internal', which is not an IP address");
    }
}
