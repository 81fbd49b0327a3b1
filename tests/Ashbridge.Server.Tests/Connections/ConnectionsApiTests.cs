using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Connections;

/// <summary>The connections API against a real hub and a second emulated Ashby, over HTTP.</summary>
public sealed class ConnectionsApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{

    [Fact]
    public async Task Adding_a_connection_runs_the_pre_flight_stores_it_and_never_returns_the_key()
    {
        using var response = await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        response.Headers.Location!.ToString().ShouldBe("/api/connections/acme");
        body.ShouldNotContain(ashby.ApiKey);
        using var added = JsonDocument.Parse(body);
        added.RootElement.GetProperty("preflight").GetProperty("streams").EnumerateArray()
            .ShouldAllBe(s => s.GetProperty("state").GetString() == "granted");

        var detail = await Admin.GetStringAsync(new Uri("/api/connections/acme", UriKind.Relative), Ct);
        detail.ShouldNotContain(ashby.ApiKey);
        using var parsed = JsonDocument.Parse(detail);
        parsed.RootElement.GetProperty("connection").GetProperty("baseUrl").GetString().ShouldBe(ashby.BaseUrl.ToString());
        parsed.RootElement.GetProperty("preflight").GetProperty("key").GetProperty("keyTitle").GetString().ShouldNotBeNullOrEmpty();
        (await ListNamesAsync()).ShouldContain("acme");
    }

    [Fact]
    public async Task A_key_ashby_refuses_is_a_422_that_says_so_and_stores_nothing()
    {
        using var response = await Admin.PostAsJsonAsync("/api/connections", new { name = "wrong", apiKey = "not-a-key", baseUrl = ashby.BaseUrl }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("title").GetString().ShouldBe("Ashby refused the API key");
        problem.GetProperty("detail").GetString()!.ShouldContain("Nothing was stored");
        (await ListNamesAsync()).ShouldNotContain("wrong");
    }

    [Fact]
    public async Task An_unreachable_ashby_is_a_502_and_stores_nothing()
    {
        using var response = await Admin.PostAsJsonAsync("/api/connections", new { name = "nowhere", apiKey = "k", baseUrl = "http://127.0.0.1:9/" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("http://127.0.0.1:9/");
        (await ListNamesAsync()).ShouldNotContain("nowhere");
    }

    [Theory]
    [InlineData("Bad Name", HttpStatusCode.BadRequest)]
    [InlineData("demo", HttpStatusCode.Conflict)]
    public async Task A_bad_or_taken_name_is_refused_before_ashby_is_asked(string name, HttpStatusCode expected)
    {
        using var response = await Admin.PostAsJsonAsync("/api/connections", new { name, apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct);

        response.StatusCode.ShouldBe(expected);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Sync_now_queues_a_pass_that_shows_in_the_run_history()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "syncme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await WaitForRunsAsync("syncme", runs => runs.Count >= 1 && runs[0].GetProperty("outcome").GetString() != "running"); // the first pass starts on add

        using var response = await Admin.PostAsJsonAsync("/api/connections/syncme/sync", new { mode = "full" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var runs = await WaitForRunsAsync("syncme", r => r.Count >= 2 && r[0].GetProperty("outcome").GetString() != "running");
        runs[0].GetProperty("requestedMode").GetString().ShouldBe("full");
        runs[0].GetProperty("trigger").GetString().ShouldBe("manual");
        runs[0].GetProperty("outcome").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task A_pass_against_an_ashby_that_stopped_answering_shows_one_stream_failed_and_the_rest_not_run()
    {
        // An Ashby of its own, to stop: the class's emulator serves the other tests.
        var lost = await Ashbridge.Emulator.EmulatorHost.StartAsync(new Ashbridge.Emulator.EmulatorOptions { Seed = 1, Size = "small" }, ct: Ct);
        var stopped = false;
        try
        {
            (await Admin.PostAsJsonAsync("/api/connections", new { name = "lost", apiKey = lost.DemoApiKey, baseUrl = lost.BaseUrl }, Ct)).EnsureSuccessStatusCode();
            await WaitForRunsAsync("lost", runs => runs.Count >= 1 && runs[0].GetProperty("outcome").GetString() == "succeeded");
            await lost.DisposeAsync();
            stopped = true;

            (await Admin.PostAsJsonAsync("/api/connections/lost/sync", new { mode = "incremental" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

            var runs = await WaitForRunsAsync("lost", r => r.Count >= 2 && r[0].GetProperty("outcome").GetString() != "running");
            var run = runs[0];
            run.GetProperty("outcome").GetString().ShouldBe("failed");
            run.GetProperty("error").GetString()!.ShouldStartWith("Ashby could not be reached");
            var streams = run.GetProperty("streams").EnumerateArray().ToList();
            streams.Count.ShouldBe(Ashbridge.Core.Mirror.MirrorStreams.All.Count);
            streams[0].GetProperty("outcome").GetString().ShouldBe("failed");
            streams.Skip(1).ShouldAllBe(s => s.GetProperty("outcome").GetString() == "notRun");
        }
        finally
        {
            if (!stopped) await lost.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_pass_that_loses_ashby_mid_pass_keeps_what_it_stored_fails_one_stream_and_the_rest_not_run()
    {
        // Ashby goes away at the interview stages, the one stream never asked for ahead of its turn: the streams
        // before it have committed by then.
        await using var lost = await LosableAshby.StartAsync(ashby.BaseUrl, "interviewPlan.list");
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "midway", apiKey = ashby.ApiKey, baseUrl = lost.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await WaitForRunsAsync("midway", runs => runs.Count >= 1 && runs[0].GetProperty("outcome").GetString() == "succeeded");
        lost.Arm();

        (await Admin.PostAsJsonAsync("/api/connections/midway/sync", new { mode = "full" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var runs = await WaitForRunsAsync("midway", r => r.Count >= 2 && r[0].GetProperty("outcome").GetString() != "running");
        lost.IsLost.ShouldBeTrue();
        var run = runs[0];
        run.GetProperty("outcome").GetString().ShouldBe("failed");
        run.GetProperty("error").GetString()!.ShouldStartWith("Ashby could not be reached");
        var streams = run.GetProperty("streams").EnumerateArray().ToList();
        var at = streams.FindIndex(s => s.GetProperty("stream").GetString() == Ashbridge.Core.Mirror.MirrorStreams.InterviewStages.Name);
        at.ShouldBeGreaterThan(0);
        streams.Take(at).ShouldAllBe(s => s.GetProperty("outcome").GetString() == "succeeded");
        streams[at].GetProperty("outcome").GetString().ShouldBe("failed");
        streams.Skip(at + 1).ShouldAllBe(s => s.GetProperty("outcome").GetString() == "notRun");
    }

    [Fact]
    public async Task Removing_a_connection_removes_it_and_unknown_names_are_404()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "gone", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();

        (await Admin.DeleteAsync(new Uri("/api/connections/gone", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ListNamesAsync()).ShouldNotContain("gone");
        (await Admin.GetAsync(new Uri("/api/connections/gone", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin.PostAsJsonAsync("/api/connections/gone/sync", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_mirrored_object_reads_back_as_ashby_sent_it_and_unknown_streams_or_ids_are_404()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "reader", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await WaitForRunsAsync("reader", runs => runs.Count >= 1 && runs[0].GetProperty("outcome").GetString() == "succeeded");
        using var oracle = new MirrorOracle(ashby.BaseUrl, ashby.ApiKey);
        var (id, json) = (await oracle.AshbyRowsAsync(Ashbridge.Core.Mirror.MirrorStreams.Candidates)).First();

        var row = await Admin.GetFromJsonAsync<JsonElement>($"/api/connections/reader/mirror/candidates/{id}", Ct);

        row.GetProperty("ashby").GetRawText().ShouldBe(json);
        row.GetProperty("deletedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Admin.GetAsync(new Uri("/api/connections/reader/mirror/nothing/x", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin.GetAsync(new Uri("/api/connections/reader/mirror/candidates/no-such-id", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<List<string>> ListNamesAsync()
    {
        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/connections", Ct);
        return [.. list.EnumerateArray().Select(c => c.GetProperty("connection").GetProperty("name").GetString()!)];
    }

    /// <summary>Reads the run history until it satisfies <paramref name="done"/> (a pass runs in the hub's scheduler, off this thread).</summary>
    private async Task<List<JsonElement>> WaitForRunsAsync(string name, Func<List<JsonElement>, bool> done)
    {
        return await Eventually.ValueAsync(
            async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/connections/{name}/runs", Ct)).EnumerateArray().ToList(),
            done, TimeSpan.FromSeconds(60), $"the run history of {name}");
    }
}
