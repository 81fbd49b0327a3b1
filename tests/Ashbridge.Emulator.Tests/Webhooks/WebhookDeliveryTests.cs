using System.Security.Cryptography;
using System.Text;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task The_signature_is_the_HMAC_SHA256_of_the_exact_body_bytes()
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire", secret: "whsec-test-token");

        h.Publish(("candidateHire", "app-1"));
        await h.IdleAsync();

        var delivery = h.Receiver.Deliveries().ShouldHaveSingleItem();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("whsec-test-token"));
        var expected = "sha256=" + Convert.ToHexString(hmac.ComputeHash(delivery.Body)).ToLowerInvariant();
        delivery.Header("Ashby-Signature").ShouldBe(expected);
        delivery.Header("Content-Type").ShouldBe("application/json");
    }

    [Fact]
    public async Task The_body_is_Ashbys_envelope_with_the_event_data()
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire");

        h.Publish(("candidateHire", "app-1"));
        await h.IdleAsync();

        var json = h.Receiver.Deliveries().ShouldHaveSingleItem().Json.AsObject();
        json.Select(p => p.Key).ShouldBe(["webhookActionId", "action", "data"]);
        Guid.TryParse(json["webhookActionId"]!.GetValue<string>(), out _).ShouldBeTrue();
        json["action"]!.GetValue<string>().ShouldBe("candidateHire");
        json["data"]!["application"]!["id"]!.GetValue<string>().ShouldBe("app-1");
    }

    [Fact]
    public async Task There_is_no_signature_header_without_a_secret()
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire", secret: null);

        h.Publish(("candidateHire", "app-1"));
        await h.IdleAsync();

        h.Receiver.On("hook").Count.ShouldBe(2);
        h.Receiver.On("hook").ShouldAllBe(r => r.Header("Ashby-Signature") == null);
    }

    [Fact]
    public async Task Related_events_share_one_webhookActionId_and_a_new_publish_gets_a_new_one()
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire", "hire");
        await h.CreateAsync("applicationUpdate", "update");
        await h.CreateAsync("candidateStageChange", "stage");
        await h.CreateAsync("offerCreate", "offer");

        h.Publish(("candidateHire", "a"), ("applicationUpdate", "a"), ("candidateStageChange", "a"));
        await h.IdleAsync();
        h.Publish(("applicationUpdate", "b"));
        await h.IdleAsync();

        string ActionId(string path, int index) => h.Receiver.Deliveries(path)[index].Json["webhookActionId"]!.GetValue<string>();
        List<string> first = [ActionId("hire", 0), ActionId("update", 0), ActionId("stage", 0)];
        first.Distinct().ShouldHaveSingleItem();
        ActionId("update", 1).ShouldNotBe(first[0]);
        h.Receiver.Deliveries("offer").ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_enabled_setting_of_the_type_receives_and_a_disabled_one_does_not()
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("jobCreate", "one");
        await h.CreateAsync("jobCreate", "two");
        h.Receiver.Script("off", 500);
        (await h.CreateAsync("jobCreate", "off")).Enabled.ShouldBeFalse();

        h.Publish(("jobCreate", "j"));
        await h.IdleAsync();

        h.Receiver.Deliveries("one").ShouldHaveSingleItem();
        h.Receiver.Deliveries("two").ShouldHaveSingleItem();
        h.Receiver.Deliveries("off").ShouldBeEmpty();
    }

    [Fact]
    public async Task Publish_returns_before_a_slow_receiver_answers()
    {
        await using var h = await WebhookHarness.StartAsync(requestTimeout: TimeSpan.FromSeconds(5));
        await h.CreateAsync("jobCreate");
        h.Receiver.Script("hook", WebhookReceiver.Hang);

        h.Publish(("jobCreate", "j"));

        // The receiver holds the request open for up to 5 s; Publish has already returned and the delivery is under way.
        h.Dispatcher.Activity.Active.ShouldBe(1);
        h.Attempts().ShouldBeEmpty();
    }
}
