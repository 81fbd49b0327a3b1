using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Server.Access;
using Ashbridge.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Access;

/// <summary>
/// The authorization model, proved from the route table: every endpoint and page declares a policy, and every one of
/// them answers each kind of caller as the model says, over real HTTP. A route added without a policy fails here.
/// </summary>
public sealed partial class AuthorizationMatrixTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    /// <summary>The only routes a stranger may reach (the careers feed: a connection's listed open roles, when its admin turns the public feed on).</summary>
    private static readonly HashSet<string> OpenRoutes = new(StringComparer.Ordinal)
    {
        "/healthz", "/signin", "/account/signin", "/webhooks/ashby/{connection}", "/error/{code:int}", "/careers/{connection}.json", "/careers/{connection}",
    };

    /// <summary>Routes the matrix leaves to their own tests (signing out would end the session the matrix uses).</summary>
    private static readonly HashSet<string> OwnTests = new(StringComparer.Ordinal) { "/account/signout" };

    /// <summary>Reads sent as POST because their input (a prospect's emails and phones) does not belong in a URL; they change nothing.</summary>
    private static readonly HashSet<string> ReadingPosts = new(StringComparer.Ordinal) { "/api/connections/{name}/dedupe/check" };

    private enum Caller { Anonymous, Viewer, Finance, Admin, ReadOnlyToken, LimitedToken, DisabledUser, SignedOut, OtherHubCookie }

    private enum Expect { Allowed, Forbidden, SignIn, Hidden }

    private sealed record Route(string Method, string Pattern, string Policy, bool IsPage);

    [Fact]
    public void Every_route_declares_a_policy_of_the_model_or_is_one_of_the_open_routes()
    {
        var routes = Routes(out var undeclared);
        undeclared.ShouldBeEmpty("routes without a policy from AccessPolicies");
        routes.Count.ShouldBeGreaterThan(30);
        routes.Where(r => r.IsPage).Count().ShouldBeGreaterThan(8);
        // Nothing that changes state is open to a read-only policy (sign-out aside, which only ends the caller's session).
        routes.Where(r => r.Method is not ("GET" or "HEAD") && !OwnTests.Contains(r.Pattern) && !ReadingPosts.Contains(r.Pattern)).ShouldAllBe(r => r.Policy != AccessPolicies.Read);
    }

    [Fact]
    public async Task Every_route_answers_every_kind_of_caller_as_the_model_says()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        var acme = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme", Ct)).GetProperty("connection").GetProperty("id").GetInt64();
        var baseAddress = Hub.ClientOptions.BaseAddress;
        foreach (var (email, role) in new[] { ("viewer@hub.test", "viewer"), ("finance@hub.test", "finance"), ("gone@hub.test", "viewer") })
        {
            (await Admin.PostAsJsonAsync("/api/users", new { email, password = "a long enough password", role }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var signedOut = await HubSignIn.CookieAsync(baseAddress, HubFactory.AdminEmail, HubFactory.AdminPassword, Ct);
        (await HubSignIn.SignOutAsync(baseAddress, signedOut, Ct)).ShouldBe(HttpStatusCode.Redirect);
        var disabled = await HubSignIn.CookieAsync(baseAddress, "gone@hub.test", "a long enough password", Ct);
        var goneId = (await Admin.GetFromJsonAsync<JsonElement>("/api/users", Ct)).EnumerateArray().Single(u => u.GetProperty("email").GetString() == "gone@hub.test").GetProperty("id").GetInt64();
        (await Admin.PatchAsJsonAsync($"/api/users/{goneId}", new { disabled = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        string otherHubCookie;
        await using (var otherHub = new HubFactory())
        {
            otherHub.StartServer();
            otherHubCookie = await HubSignIn.CookieAsync(otherHub.ClientOptions.BaseAddress, HubFactory.AdminEmail, HubFactory.AdminPassword, Ct);
        }

        var credentials = new Dictionary<Caller, (string? Cookie, string? Token)>
        {
            [Caller.Anonymous] = (null, null),
            [Caller.Viewer] = (await HubSignIn.CookieAsync(baseAddress, "viewer@hub.test", "a long enough password", Ct), null),
            [Caller.Finance] = (await HubSignIn.CookieAsync(baseAddress, "finance@hub.test", "a long enough password", Ct), null),
            [Caller.Admin] = (await HubSignIn.CookieAsync(baseAddress, HubFactory.AdminEmail, HubFactory.AdminPassword, Ct), null),
            [Caller.ReadOnlyToken] = (null, Hub.CreateToken(HubFactory.AdminEmail, readOnly: true)),
            [Caller.LimitedToken] = (null, Hub.CreateToken(HubFactory.AdminEmail, connectionId: acme)),
            [Caller.DisabledUser] = (disabled, null),
            [Caller.SignedOut] = (signedOut, null),
            [Caller.OtherHubCookie] = (otherHubCookie, null),
        };

        using var http = HubSignIn.NoRedirectClient(baseAddress);
        var failures = new List<string>();
        var checkedCount = 0;
        // The admin goes last: what it is allowed to do (queue a sync, rotate a secret) must not change what the others see.
        foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => c == Caller.Admin))
        {
            foreach (var route in Routes(out _))
            {
                var expect = Expected(caller, route);
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), Fill(route));
                if (route.Method is "POST" or "PUT" or "PATCH") request.Content = JsonContent.Create(new { });
                var (cookie, token) = credentials[caller];
                if (cookie is not null) request.Headers.Add("Cookie", cookie);
                if (token is not null) request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request, Ct);
                var status = (int)response.StatusCode;
                var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/signin", StringComparison.Ordinal);
                var ok = expect switch
                {
                    Expect.SignIn => route.IsPage ? toSignIn : status == 401,
                    Expect.Forbidden => status == 403,
                    Expect.Hidden => status == 404,
                    _ => status is not (401 or 403) && status < 500 && !toSignIn,
                };
                if (!ok) failures.Add($"{caller} {route.Method} {Fill(route)} [{route.Policy}]: expected {expect}, got {status}{(toSignIn ? " (to sign-in)" : "")}");
                checkedCount++;
            }
        }

        failures.ShouldBeEmpty();
        checkedCount.ShouldBeGreaterThan(300);
    }

    private static Expect Expected(Caller caller, Route route)
    {
        var isToken = caller is Caller.ReadOnlyToken or Caller.LimitedToken;
        if (caller is Caller.Anonymous or Caller.DisabledUser or Caller.SignedOut or Caller.OtherHubCookie) return Expect.SignIn;
        if (isToken && route.IsPage) return Expect.SignIn; // tokens are for the API; pages take people's cookies only
        var allowed = route.Policy switch
        {
            AccessPolicies.Read => true,
            AccessPolicies.Operate => caller is Caller.Admin or Caller.LimitedToken,
            _ => caller is Caller.Admin,
        };
        if (!allowed) return Expect.Forbidden;
        // A token limited to acme finds every other connection absent.
        return caller == Caller.LimitedToken && route.Pattern.Contains("{name}", StringComparison.Ordinal) ? Expect.Hidden : Expect.Allowed;
    }

    /// <summary>Every route with its method and effective policy (the strictest it declares); <paramref name="undeclared"/> lists those with none.</summary>
    private List<Route> Routes(out List<string> undeclared)
    {
        undeclared = [];
        var routes = new List<Route>();
        foreach (var endpoint in Hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (IsStaticAsset(pattern)) continue;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!OpenRoutes.Contains(pattern)) undeclared.Add($"{pattern} is open to strangers but not on the list of open routes");
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (policies.Count == 0 || policies.Any(p => !AccessPolicies.All.Contains(p)))
            {
                undeclared.Add($"{pattern}: {(policies.Count == 0 ? "no policy" : string.Join(", ", policies))}");
                continue;
            }

            if (OwnTests.Contains(pattern)) continue;
            var policy = policies.Contains(AccessPolicies.HubAdmin) ? AccessPolicies.HubAdmin : policies.Contains(AccessPolicies.Operate) ? AccessPolicies.Operate : AccessPolicies.Read;
            // Pages are everything people open in a browser (Razor pages and the status page); the API is /api and /openapi.
            var isPage = !pattern.StartsWith("/api/", StringComparison.Ordinal) && !pattern.StartsWith("/openapi/", StringComparison.Ordinal);
            foreach (var method in isPage ? ["GET"] : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new Route(method, pattern, policy, isPage));
            }
        }

        return routes;
    }

    /// <summary>Route values that reach the handler without destroying what later rows need: the demo connection, ids that do not exist.</summary>
    private static string Fill(Route route) => RouteParameter().Replace(route.Pattern, m => m.Groups[1].Value switch
    {
        "name" when route.Method == "DELETE" && route.Pattern == "/api/connections/{name}" => "nowhere",
        "name" or "connection" => "demo",
        "stream" => "candidates",
        "id" or "eventId" => "999999",
        _ => "nothing-here",
    });

    /// <summary>The static assets, and in Development their catch-all for files added since the build (it falls back to the Read policy).</summary>
    private static bool IsStaticAsset(string pattern) => Regex.IsMatch(pattern, @"\.(css|js|map|ico|png|svg|txt|woff2?)(\.gz|\.br)?$", RegexOptions.IgnoreCase)
        || pattern.Contains("#[", StringComparison.Ordinal) || pattern == "/{**path:file}";

    [GeneratedRegex(@"\{\**([a-zA-Z]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
