using System.Net;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests;

public sealed class DemoModeTests : HubTest
{

    [Fact]
    public async Task Without_a_key_the_hub_runs_against_its_demo_emulator_with_every_feature_ready()
    {
        using var status = JsonDocument.Parse(await Admin.GetStringAsync(new Uri("/api/status", UriKind.Relative), TestContext.Current.CancellationToken));

        status.RootElement.GetProperty("demo").GetBoolean().ShouldBeTrue();
        status.RootElement.GetProperty("keyTitle").GetString().ShouldBe("Emulator demo key");
        status.RootElement.GetProperty("baseUrl").GetString()!.ShouldStartWith("http://127.0.0.1:");
        var features = status.RootElement.GetProperty("features").EnumerateArray().ToList();
        features.Count.ShouldBeGreaterThan(10);
        features.ShouldAllBe(f => f.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task The_home_page_says_it_is_the_demo()
    {
        using var person = await Hub.CreateSignedInClientAsync();
        var page = await person.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        page.ShouldContain("Demo mode");
        page.ShouldContain("New hires");
        page.ShouldContain("Add your Ashby connection"); // the next step of an install that only has the demo
        // A page of the layout (its navigation and stylesheet), with no inline style for the Content-Security-Policy to block.
        page.ShouldContain("/css/site");
        page.ShouldContain("href=\"/connections\"");
        page.ShouldNotContain("<style");
    }

    [Fact]
    public async Task Health_is_reported()
    {
        using var stranger = Hub.CreateAnonymousClient(); // health needs no sign-in
        var response = await stranger.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each check's detail is for admins (see Hosting/HealthTests).
        response = await Admin.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        health.RootElement.GetProperty("status").GetString().ShouldBe("healthy");
        health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("healthy");
        health.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("detail").GetString().ShouldBe("running");
    }
}

public sealed class ConfiguredKeyTests(EmulatorFixture ashby) : IClassFixture<EmulatorFixture>
{
    private async Task<(string Json, string Page)> StatusWithKeyAsync(string apiKey)
    {
        await using var hub = new HubFactory(new()
        {
            ["Ashbridge:Ashby:BaseUrl"] = ashby.BaseUrl.ToString(),
            ["Ashbridge:Ashby:ApiKey"] = apiKey,
        });
        hub.StartServer();
        using var http = hub.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var person = await hub.CreateSignedInClientAsync();
        return (await http.GetStringAsync(new Uri("/api/status", UriKind.Relative), ct), await person.GetStringAsync(new Uri("/", UriKind.Relative), ct));
    }

    [Fact]
    public async Task A_configured_key_is_used_instead_of_the_demo()
    {
        var (json, _) = await StatusWithKeyAsync(ashby.ApiKey);

        using var status = JsonDocument.Parse(json);
        status.RootElement.GetProperty("demo").GetBoolean().ShouldBeFalse();
        status.RootElement.GetProperty("baseUrl").GetString().ShouldBe(ashby.BaseUrl.ToString());
        status.RootElement.GetProperty("problem").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_refused_key_is_shown_as_a_problem_without_revealing_the_key()
    {
        const string wrongKey = "wrong-key-0123456789";

        var (json, page) = await StatusWithKeyAsync(wrongKey);

        using var status = JsonDocument.Parse(json);
        status.RootElement.GetProperty("problem").GetString().ShouldNotBeNullOrWhiteSpace();
        page.ShouldContain("The key check failed");
        json.ShouldNotContain(wrongKey);
        page.ShouldNotContain(wrongKey);
    }
}

public sealed class DemoMirrorTests
{
    [Fact]
    public async Task The_demo_connection_is_stored_scheduled_and_synced_at_start_and_status_shows_its_mirror()
    {
        await using var hub = new HubFactory();
        hub.StartServer();
        using var http = hub.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // The first incremental pass starts with the hub; wait (polling the status, up to a minute) until it has finished.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        JsonElement demo;
        while (true)
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/status", UriKind.Relative), ct));
            demo = status.RootElement.GetProperty("mirror").EnumerateArray().Single().Clone();
            if (demo.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("outcome").GetString() != "running") break;
            await poll.WaitForNextTickAsync(deadline.Token);
        }

        demo.GetProperty("connection").GetString().ShouldBe("demo");
        demo.GetProperty("lastRun").GetProperty("outcome").GetString().ShouldBe("succeeded");
        demo.GetProperty("lastRun").GetProperty("trigger").GetString().ShouldBe("schedule");
        var candidates = demo.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("stream").GetString() == "candidates");
        candidates.GetProperty("rows").GetInt64().ShouldBe(200); // the demo organisation's size
        candidates.GetProperty("hasSyncToken").GetBoolean().ShouldBeTrue();
        using var person = await hub.CreateSignedInClientAsync();
        (await person.GetStringAsync(new Uri("/", UriKind.Relative), ct)).ShouldContain("Mirror of demo"); // folded away on the home page, below each connection's health
    }
}
