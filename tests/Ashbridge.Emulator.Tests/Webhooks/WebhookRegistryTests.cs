using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Tests.Webhooks;

public sealed class WebhookRegistryTests
{
    [Fact]
    public async Task Create_sends_a_signed_ping_and_a_2xx_enables_the_webhook()
    {
        await using var h = await WebhookHarness.StartAsync();

        var setting = await h.CreateAsync("candidateHire", secret: "tok");

        setting.Enabled.ShouldBeTrue();
        h.Registry.Find(setting.Id).ShouldBe(setting);
        var ping = h.Receiver.On("hook").ShouldHaveSingleItem();
        ping.Json["action"]!.GetValue<string>().ShouldBe("ping");
        ping.Json["data"]!["webhookActionType"]!.GetValue<string>().ShouldBe("ping");
        ping.Header("Ashby-Signature").ShouldBe(WebhookSignature.Sign(ping.Body, "tok"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(WebhookReceiver.Abort)]
    public async Task A_failed_ping_saves_the_webhook_disabled_and_is_not_retried(int answer)
    {
        await using var h = await WebhookHarness.StartAsync();
        h.Receiver.Script("hook", answer);

        var setting = await h.CreateAsync("candidateHire");

        setting.Enabled.ShouldBeFalse();
        h.Registry.Find(setting.Id).ShouldNotBeNull().Enabled.ShouldBeFalse();
        await h.AdvanceAsync(TimeSpan.FromHours(1));
        h.Receiver.On("hook").ShouldHaveSingleItem();
        h.Dispatcher.Log.Snapshot().ShouldHaveSingleItem().State.ShouldBe(DeliveryState.Failed);
    }

    [Fact]
    public async Task A_ping_that_times_out_saves_the_webhook_disabled()
    {
        await using var h = await WebhookHarness.StartAsync(requestTimeout: TimeSpan.FromMilliseconds(300));
        h.Receiver.Script("hook", WebhookReceiver.Hang);

        (await h.CreateAsync("candidateHire")).Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Update_pings_again_and_a_successful_ping_re_enables()
    {
        await using var h = await WebhookHarness.StartAsync();
        h.Receiver.Script("hook", 503);
        var setting = await h.CreateAsync("candidateHire");
        setting.Enabled.ShouldBeFalse();

        var updated = await h.Registry.UpdateAsync(setting.Id, enabled: true, null, null, TestContext.Current.CancellationToken);

        updated.ShouldNotBeNull().Enabled.ShouldBeTrue();
        h.Receiver.On("hook").Count.ShouldBe(2);
        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();
        h.Receiver.Deliveries().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Update_to_a_new_url_pings_that_url_and_a_failure_disables()
    {
        await using var h = await WebhookHarness.StartAsync();
        var setting = await h.CreateAsync("candidateHire");
        h.Receiver.Script("moved", 500);

        var updated = await h.Registry.UpdateAsync(setting.Id, null, h.Receiver.Url("moved"), "new-secret", TestContext.Current.CancellationToken);

        updated.ShouldNotBeNull().Enabled.ShouldBeFalse();
        updated.RequestUrl.ShouldBe(h.Receiver.Url("moved"));
        updated.SecretToken.ShouldBe("new-secret");
        var ping = h.Receiver.On("moved").ShouldHaveSingleItem();
        ping.Header("Ashby-Signature").ShouldBe(WebhookSignature.Sign(ping.Body, "new-secret"));
    }

    [Fact]
    public async Task Update_with_enabled_false_stays_disabled_even_when_the_ping_succeeds()
    {
        await using var h = await WebhookHarness.StartAsync();
        var setting = await h.CreateAsync("candidateHire");

        var updated = await h.Registry.UpdateAsync(setting.Id, enabled: false, null, null, TestContext.Current.CancellationToken);

        updated.ShouldNotBeNull().Enabled.ShouldBeFalse();
        h.Receiver.On("hook").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Update_and_delete_of_an_unknown_id_say_so()
    {
        await using var h = await WebhookHarness.StartAsync();

        (await h.Registry.UpdateAsync(Guid.NewGuid().ToString(), true, null, null, TestContext.Current.CancellationToken)).ShouldBeNull();
        h.Registry.Delete(Guid.NewGuid().ToString()).ShouldBeFalse();
        h.Receiver.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_drops_scheduled_retries_and_stops_future_deliveries()
    {
        await using var h = await WebhookHarness.StartAsync();
        var setting = await h.CreateAsync("candidateHire");
        h.Receiver.Script("hook", 500);
        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();
        h.Dispatcher.Activity.Waiting.ShouldBe(1);

        h.Registry.Delete(setting.Id).ShouldBeTrue();
        h.Publish(("candidateHire", "b"));
        await h.AdvanceAsync(TimeSpan.FromHours(4));

        h.Registry.Find(setting.Id).ShouldBeNull();
        h.Receiver.Deliveries().ShouldHaveSingleItem();
        h.Dispatcher.Activity.Waiting.ShouldBe(0);
        h.Attempts().Select(a => a.State).ShouldBe([DeliveryState.Retrying, DeliveryState.Dropped]);
    }
}
