using System.Text.Json.Nodes;
using Ashbridge.Emulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Emulator.Tests.Webhooks;

public sealed class WebhookControlTests
{
    [Fact]
    public async Task Flush_waits_out_scaled_retries_and_the_routes_show_settings_and_every_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddEmulatorWebhooks(new EmulatorOptions { WebhookTimeScale = 0.001 });
        await using var app = builder.Build();
        app.MapEmulatorWebhookControl();
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var ct = TestContext.Current.CancellationToken;

        var setting = await app.Services.GetRequiredService<IWebhookRegistry>().CreateAsync("offerCreate", receiver.Url("hook"), "sekrit", ct);
        receiver.Script("hook", 500, 502);
        app.Services.GetRequiredService<IWebhookPublisher>().Publish([new WebhookEvent("offerCreate", new JsonObject { ["offer"] = new JsonObject { ["id"] = "o1" } })]);

        using var flush = await client.PostAsync("_emulator/webhooks/flush?includeRetries=true", null, ct);
        ((int)flush.StatusCode).ShouldBe(200);
        receiver.Deliveries().Count.ShouldBe(3);

        var settings = JsonNode.Parse(await client.GetStringAsync("_emulator/webhooks", ct))!.AsArray();
        var shown = settings.ShouldHaveSingleItem()!;
        shown["id"]!.GetValue<string>().ShouldBe(setting.Id);
        shown["secretToken"]!.GetValue<string>().ShouldBe("sekrit");
        shown["enabled"]!.GetValue<bool>().ShouldBeTrue();

        var attempts = JsonNode.Parse(await client.GetStringAsync("_emulator/webhooks/deliveries?action=offerCreate", ct))!.AsArray();
        attempts.Select(a => (a!["attempt"]!.GetValue<int>(), a["statusCode"]!.GetValue<int>(), a["state"]!.GetValue<string>()))
            .ShouldBe([(1, 500, "retrying"), (2, 502, "retrying"), (3, 200, "delivered")]);
        attempts.Select(a => a!["webhookActionId"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem();
        attempts[0]!["nextRetryAt"].ShouldNotBeNull();
        attempts[2]!["nextRetryAt"].ShouldBeNull();
        attempts[0]!["requestUrl"]!.GetValue<string>().ShouldBe(receiver.Url("hook"));
        attempts[0]!["webhookId"]!.GetValue<string>().ShouldBe(setting.Id);
    }

    [Fact]
    public async Task Mapping_the_routes_without_the_services_says_what_to_add()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        Should.Throw<InvalidOperationException>(() => app.MapEmulatorWebhookControl()).Message.ShouldContain("AddEmulatorWebhooks");
    }
}
