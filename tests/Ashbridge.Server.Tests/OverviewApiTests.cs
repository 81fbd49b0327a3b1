using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests;

/// <summary><c>GET /api/overview</c>: the home page's data as JSON, limited to the connections the caller may see.</summary>
public sealed class OverviewApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    private static List<string> Names(JsonElement overview) =>
        [.. overview.GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Fact]
    public async Task A_token_limited_to_one_connection_sees_only_that_connection()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        var acme = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme", Ct)).GetProperty("connection").GetProperty("id").GetInt64();
        var demo = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo", Ct)).GetProperty("connection").GetProperty("id").GetInt64();
        using var onlyAcme = Hub.CreateTokenClient(HubFactory.AdminEmail, connectionId: acme, readOnly: true);
        using var onlyDemo = Hub.CreateTokenClient(HubFactory.AdminEmail, connectionId: demo);

        Names(await Admin.GetFromJsonAsync<JsonElement>("/api/overview", Ct)).ShouldBe(["acme", "demo"], ignoreOrder: true);
        Names(await onlyAcme.GetFromJsonAsync<JsonElement>("/api/overview", Ct)).ShouldBe(["acme"]);
        Names(await onlyDemo.GetFromJsonAsync<JsonElement>("/api/overview", Ct)).ShouldBe(["demo"]);
        // What waits in the demo does not leak into the counts acme's token sees.
        var limited = await onlyAcme.GetFromJsonAsync<JsonElement>("/api/overview", Ct);
        (await onlyAcme.GetStringAsync(new Uri("/api/overview", UriKind.Relative), Ct)).ShouldNotContain("\"demo\"");
        limited.GetProperty("pendingNewHires").GetInt64().ShouldBe(limited.GetProperty("connections")[0].GetProperty("newHires").GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task The_demo_reports_its_health_what_waits_and_the_next_steps_of_a_new_install()
    {
        var overview = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/overview", Ct),
            o => o.GetProperty("connections")[0] is var d && d.GetProperty("dataAsOf").ValueKind == JsonValueKind.String
                && d.GetProperty("lastPass").GetProperty("outcome").GetString() == "succeeded" && d.GetProperty("newHires").GetProperty("pending").GetInt64() > 0,
            TimeSpan.FromSeconds(60), "the demo's first successful pass (and no other under way) with its hires queued for review");

        var demo = overview.GetProperty("connections").EnumerateArray().Single();
        demo.GetProperty("name").GetString().ShouldBe("demo");
        demo.GetProperty("isDemo").GetBoolean().ShouldBeTrue();
        demo.GetProperty("lastPass").GetProperty("outcome").GetString().ShouldBe("succeeded");
        demo.GetProperty("dataAgeSeconds").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        demo.GetProperty("webhooks").GetProperty("lastEventAt").ValueKind.ShouldBe(JsonValueKind.Null);
        demo.GetProperty("webhooks").GetProperty("refused").GetInt64().ShouldBe(0);
        demo.GetProperty("webhooks").GetProperty("deadLetters").GetInt64().ShouldBe(0);
        demo.GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("stream").GetString()).ShouldContain("candidates");
        overview.GetProperty("outbound").GetProperty("configured").GetBoolean().ShouldBeFalse();
        overview.GetProperty("outbound").GetProperty("failing").GetInt64().ShouldBe(0);
        overview.GetProperty("nextSteps").EnumerateArray().Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("href").GetString()))
            .ShouldBe([("addConnection", "/connections"), ("setOutboundEndpoint", "/outbound")]);
    }

    [Fact]
    public async Task Status_json_says_which_features_are_on_blocked_or_not_built_yet()
    {
        var status = await Admin.GetFromJsonAsync<JsonElement>("/api/status", Ct);

        var availability = status.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("availability").GetString());
        availability["New hires"].ShouldBe("on");
        availability["Webhook registration"].ShouldBe("on");
        availability["Open roles"].ShouldBe("on");
        availability["Hired-applicant exports"].ShouldBe("on");
        foreach (var built in new[] { "Dedupe and upload", "User directory and hiring teams" })
        {
            availability[built].ShouldBe("on", built);
        }
    }
}
