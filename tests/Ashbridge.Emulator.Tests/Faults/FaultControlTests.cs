using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Faults;

public sealed class FaultControlTests
{
    [Fact]
    public async Task Get_shows_the_profile_and_what_it_injected()
    {
        await using var app = await FaultTestApp.StartAsync("flaky,dup=0.1");

        var body = await GetAsync(app);

        body["profile"]!.GetValue<string>().ShouldBe("flaky,dup=0.1");
        body["spec"]!.GetValue<string>().ShouldBe("5xx=0.03,drop=0.01,latency=0-40ms,dup=0.1");
        body["duplicateRate"]!.GetValue<double>().ShouldBe(0.1);
        body["injected"]!["requests"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Put_switches_the_profile_at_runtime_and_none_switches_it_off()
    {
        await using var app = await FaultTestApp.StartAsync(null);
        (await app.StatusesAsync(1)).ShouldBe([200]);

        using (var put = await app.Client.PutAsJsonAsync("_emulator/faults", new { profile = "5xx=1" }, TestContext.Current.CancellationToken))
            ((int)put.StatusCode).ShouldBe(200);
        (await app.StatusesAsync(3)).ShouldAllBe(s => s >= 500);
        (await GetAsync(app))["injected"]!["serverErrors"]!.GetValue<long>().ShouldBe(3);

        using (var post = await app.Client.PostAsJsonAsync("_emulator/faults", new { profile = "none" }, TestContext.Current.CancellationToken))
            ((int)post.StatusCode).ShouldBe(200);
        (await app.StatusesAsync(3)).ShouldBe([200, 200, 200]);
    }

    [Fact]
    public async Task An_invalid_profile_is_refused_with_the_bad_part_named_and_the_old_one_kept()
    {
        await using var app = await FaultTestApp.StartAsync("5xx=1");

        using var put = await app.Client.PutAsJsonAsync("_emulator/faults", new { profile = "drop=0.1,5xx=lots" }, TestContext.Current.CancellationToken);

        ((int)put.StatusCode).ShouldBe(400);
        var error = JsonNode.Parse(await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!.GetValue<string>();
        error.ShouldContain("'5xx=lots'");
        (await GetAsync(app))["profile"]!.GetValue<string>().ShouldBe("5xx=1");
    }

    [Fact]
    public async Task A_body_without_a_profile_is_refused()
    {
        await using var app = await FaultTestApp.StartAsync(null);

        using var put = await app.Client.PutAsJsonAsync("_emulator/faults", new { name = "flaky" }, TestContext.Current.CancellationToken);

        ((int)put.StatusCode).ShouldBe(400);
    }

    private static async Task<JsonNode> GetAsync(FaultTestApp app) =>
        JsonNode.Parse(await app.Client.GetStringAsync("_emulator/faults", TestContext.Current.CancellationToken))!;
}
