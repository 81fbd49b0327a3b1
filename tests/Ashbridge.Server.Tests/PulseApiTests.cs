using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests;

/// <summary>
/// <c>/api/pulse</c>, which every page polls: its counts are the caller's visible connections' own, and its version
/// moves when something a live page draws changes, and only then.
/// </summary>
public sealed class PulseApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_follow_the_queue_and_the_version_moves_when_a_new_hire_is_decided()
    {
        var pending = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/new-hires", Token),
            list => list.GetArrayLength() >= 2, TimeSpan.FromSeconds(90), "the demo's new hires");
        // The same first pass imports the open roles, whose notice moves the pulse too: wait for it to have landed.
        var board = Hub.Services.GetRequiredService<Ashbridge.Core.Notices.NoticeBoard>();
        await Eventually.ValueAsync(() => board.ListAsync(null, cancellationToken: Token), n => n.Count > 0, TimeSpan.FromSeconds(60), "the demo's first open-roles import notice");
        var before = await PulseAsync(Admin);
        before.GetProperty("counts").GetProperty("newHires").GetInt64().ShouldBe(pending.GetArrayLength());
        (await PulseAsync(Admin)).GetProperty("version").GetString().ShouldBe(before.GetProperty("version").GetString(), "nothing changed, so nothing to redraw");

        var applicationId = pending[0].GetProperty("applicationId").GetString();
        (await Admin.DeleteAsync(new Uri($"/api/connections/demo/new-hires/{applicationId}", UriKind.Relative), Token)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await PulseAsync(Admin);
        after.GetProperty("counts").GetProperty("newHires").GetInt64().ShouldBe(pending.GetArrayLength() - 1);
        after.GetProperty("version").GetString().ShouldNotBe(before.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_token_limited_to_one_connection_counts_only_that_connections_new_hires()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Token)).EnsureSuccessStatusCode();
        var acme = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme", Token)).GetProperty("connection").GetProperty("id").GetInt64();
        var acmeHires = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires", Token),
            list => list.GetArrayLength() > 0, TimeSpan.FromSeconds(90), "acme's new hires");
        var demoHires = await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/new-hires", Token),
            list => list.GetArrayLength() > 0, TimeSpan.FromSeconds(90), "the demo's new hires");

        using var limited = Hub.CreateTokenClient(HubFactory.AdminEmail, connectionId: acme, readOnly: true);
        (await PulseAsync(limited)).GetProperty("counts").GetProperty("newHires").GetInt64().ShouldBe(acmeHires.GetArrayLength());
        (await PulseAsync(Admin)).GetProperty("counts").GetProperty("newHires").GetInt64().ShouldBe(acmeHires.GetArrayLength() + demoHires.GetArrayLength());
    }

    [Fact]
    public async Task A_stranger_gets_401()
    {
        using var stranger = Hub.CreateAnonymousClient();
        (await stranger.GetAsync(new Uri("/api/pulse", UriKind.Relative), Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> PulseAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/pulse", Token);
}
