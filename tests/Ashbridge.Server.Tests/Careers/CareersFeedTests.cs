using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Careers;

/// <summary>
/// The public careers feed over HTTP, on both databases: anonymous, one 404 for an unknown connection and a feed that is
/// off (the default), then listed open roles only (never unlisted, never confidential) as JSON and as an HTML list any
/// site may frame, with an ETag answered 304 and five minutes of public caching.
/// </summary>
public sealed class CareersFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_feed_is_off_by_default_then_serves_listed_roles_only_with_an_etag_and_public_caching(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        await using var hub = provider == DatabaseProvider.Postgres
            ? new HubFactory(new() { ["Ashbridge:Database"] = test.Location.ConnectionString, ["Ashbridge:DataFolder"] = test.Folder })
            : new HubFactory();
        hub.StartServer();
        var database = hub.Services.GetRequiredService<AshbridgeDatabase>();
        var acme = await OpenRoleRows.ConnectionAsync(database, "acme");
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        await OpenRoleRows.RoleAsync(database, acme, "p-eng", "Backend Engineer", at, department: "Engineering", location: "Berlin", employmentType: "FullTime");
        await OpenRoleRows.RoleAsync(database, acme, "p-des", "Product Designer", at, department: "Design", location: "Remote", employmentType: "PartTime");
        await OpenRoleRows.RoleAsync(database, acme, "p-unlisted", "Unlisted Role", at, listed: false);
        await OpenRoleRows.RoleAsync(database, acme, "p-secret", "Confidential Role", at, confidential: true);
        using var stranger = hub.CreateAnonymousClient();

        // Off by default: the same answer as a connection that does not exist.
        var off = await Answer(stranger, "/careers/acme.json");
        var unknown = await Answer(stranger, "/careers/nobody.json");
        off.Status.ShouldBe(HttpStatusCode.NotFound);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        Problem(off.Body).ShouldBe(Problem(unknown.Body));
        off.Body.ShouldNotContain("Backend Engineer");
        (await Answer(stranger, "/careers/acme")).Status.ShouldBe(HttpStatusCode.NotFound);

        await hub.Services.GetRequiredService<OpenRolePolicy>().SaveAsync(acme, new OpenRoleSettings(IncludeConfidential: true, PublicFeed: true, null, []), null, Ct);

        using var json = await stranger.GetAsync(new Uri("/careers/acme.json", UriKind.Relative), Ct);
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await json.Content.ReadAsStringAsync(Ct);
        var feed = JsonDocument.Parse(text).RootElement;
        feed.GetProperty("connection").GetString().ShouldBe("acme");
        feed.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("title").GetString()).ShouldBe(["Backend Engineer", "Product Designer"]);
        var engineer = feed.GetProperty("roles")[0];
        engineer.GetProperty("department").GetString().ShouldBe("Engineering");
        engineer.GetProperty("location").GetString().ShouldBe("Berlin");
        engineer.GetProperty("employmentType").GetString().ShouldBe("FullTime");
        engineer.GetProperty("url").GetString().ShouldBe("https://jobs.example.com/p-eng");
        text.ShouldNotContain("Unlisted Role");
        text.ShouldNotContain("Confidential Role");
        text.ShouldNotContain("p-secret");
        json.Headers.CacheControl!.Public.ShouldBeTrue();
        json.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        json.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        var etag = json.Headers.ETag.ShouldNotBeNull();

        // The caller's copy is still good: 304, no body. A stale tag gets the feed again.
        using (var again = new HttpRequestMessage(HttpMethod.Get, "/careers/acme.json"))
        {
            again.Headers.IfNoneMatch.Add(etag);
            using var notModified = await stranger.SendAsync(again, Ct);
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
            (await notModified.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();
            notModified.Headers.ETag.ShouldBe(etag);
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Get, "/careers/acme.json"))
        {
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123\""));
            (await stranger.SendAsync(stale, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The HTML list: the same roles, no hub chrome, framable by any site (and only it).
        using var html = await stranger.GetAsync(new Uri("/careers/acme", UriKind.Relative), Ct);
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync(Ct));
        page.ShouldContain("Backend Engineer");
        page.ShouldContain("Engineering · Berlin · Full time");
        page.ShouldContain("href=\"https://jobs.example.com/p-des\"");
        page.ShouldNotContain("Unlisted Role");
        page.ShouldNotContain("Confidential Role");
        page.ShouldNotContain("site-nav");
        page.ShouldNotContain("Sign out");
        html.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("frame-ancestors *");
        html.Headers.Contains("X-Frame-Options").ShouldBeFalse();
        html.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        html.Headers.ETag.ShouldNotBeNull().ShouldNotBe(etag); // one tag per format: a cache never answers one with the other
        using (var again = new HttpRequestMessage(HttpMethod.Get, "/careers/acme"))
        {
            again.Headers.IfNoneMatch.Add(html.Headers.ETag!);
            (await stranger.SendAsync(again, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        using var signIn = await stranger.GetAsync(new Uri("/signin", UriKind.Relative), Ct);
        signIn.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("frame-ancestors 'none'");
        signIn.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);

        // A change to a shown role moves the tag.
        await OpenRoleRows.RoleAsync(database, acme, "p-new", "Data Analyst", at);
        using (var afterChange = new HttpRequestMessage(HttpMethod.Get, "/careers/acme.json"))
        {
            afterChange.Headers.IfNoneMatch.Add(etag);
            using var changed = await stranger.SendAsync(afterChange, Ct);
            changed.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await changed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("roles").GetArrayLength().ShouldBe(3);
        }
    }

    /// <summary>A problem body without its per-request trace id.</summary>
    private static string Problem(string body)
    {
        var problem = JsonDocument.Parse(body).RootElement;
        return $"{problem.GetProperty("status").GetInt32()} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}";
    }

    private static async Task<(HttpStatusCode Status, string Body)> Answer(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
