using System.Net;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Npgsql;

namespace Ashbridge.Server.Tests.Access;

/// <summary>
/// An exception under a browser path is a page, not a JSON body: signing in while the database is unreachable shows the
/// outage page (503) with a request id, and the API's paths still answer without HTML.
/// </summary>
public sealed class OutagePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_while_the_database_is_unreachable_shows_the_outage_page_and_the_api_stays_json()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, Ct);
        var name = new NpgsqlConnectionStringBuilder(test.Location.ConnectionString).Database!;
        await using (var hub = new HubFactory(new() { ["Ashbridge:Database"] = test.Location.ConnectionString, ["Ashbridge:DataFolder"] = test.Folder }))
        {
            hub.StartServer();
            using var api = hub.CreateClient();
            (await api.GetAsync(new Uri("/api/status", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
            using var browser = HubSignIn.CookieClient(hub);
            (await browser.GetAsync(new Uri("/signin", UriKind.Relative), Ct)).EnsureSuccessStatusCode(); // the form's antiforgery cookie, keys loaded

            await TestDatabase.SetConnectionsAllowedAsync(name, false, Ct);
            try
            {
                using var answer = await HubSignIn.PostFormAsync(browser, HubFactory.AdminEmail, HubFactory.AdminPassword, null, Ct);
                answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                answer.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
                var html = await answer.Content.ReadAsStringAsync(Ct);
                html.ShouldContain("The hub&#x27;s database is not answering");
                html.ShouldContain("id=\"request-id\"");
                html.ShouldNotContain("Npgsql");

                using var script = await api.GetAsync(new Uri("/api/users", UriKind.Relative), Ct);
                ((int)script.StatusCode).ShouldBeGreaterThanOrEqualTo(400);
                (script.Content.Headers.ContentType?.MediaType ?? "").ShouldNotBe("text/html");
            }
            finally
            {
                await TestDatabase.SetConnectionsAllowedAsync(name, true, Ct);
            }
        }

        NpgsqlConnection.ClearAllPools();
    }
}
