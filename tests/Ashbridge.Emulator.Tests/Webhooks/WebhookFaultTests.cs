using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Tests.Webhooks;

public sealed class WebhookFaultTests
{
    [Fact]
    public async Task The_dup_fault_sends_the_same_bytes_twice_under_one_webhookActionId()
    {
        await using var h = await WebhookHarness.StartAsync("dup=1");
        await h.CreateAsync("candidateHire");

        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();

        var deliveries = h.Receiver.Deliveries();
        deliveries.Count.ShouldBe(2);
        deliveries[0].Body.ShouldBe(deliveries[1].Body);
        deliveries[0].Header("Ashby-Signature").ShouldBe(deliveries[1].Header("Ashby-Signature"));
        h.Attempts().Select(a => a.Duplicate).OrderBy(d => d).ShouldBe([false, true]);
    }

    [Fact]
    public async Task The_reorder_fault_delivers_a_held_event_after_a_later_one()
    {
        await using var h = await WebhookHarness.StartAsync("reorder=1");
        await h.CreateAsync("applicationUpdate");

        h.Publish(("applicationUpdate", "first"));
        h.Publish(("applicationUpdate", "second"));
        await h.IdleAsync();

        h.Receiver.Deliveries().Select(d => d.Json["data"]!["application"]!["id"]!.GetValue<string>()).ShouldBe(["second", "first"]);
    }

    [Fact]
    public async Task A_held_event_with_nothing_to_overtake_it_goes_after_the_hold()
    {
        await using var h = await WebhookHarness.StartAsync("reorder=1");
        await h.CreateAsync("applicationUpdate");

        h.Publish(("applicationUpdate", "only"));
        await h.IdleAsync();
        h.Receiver.Deliveries().ShouldBeEmpty();
        h.Dispatcher.Activity.Waiting.ShouldBe(1);

        await h.AdvanceAsync(WebhookDeliveryOptions.From(new EmulatorOptions()).ReorderHold);

        h.Receiver.Deliveries().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_duplicates()
    {
        static async Task<string> PatternAsync(int seed)
        {
            await using var h = await WebhookHarness.StartAsync("dup=0.5", seed);
            await h.CreateAsync("jobUpdate");
            for (var i = 0; i < 16; i++) h.Publish(("jobUpdate", $"j{i}"));
            await h.IdleAsync();
            var counts = h.Receiver.Deliveries().GroupBy(d => d.Json["data"]!["application"]!["id"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
            return string.Concat(Enumerable.Range(0, 16).Select(i => counts[$"j{i}"] == 2 ? 'D' : '.'));
        }

        var first = await PatternAsync(7);
        (await PatternAsync(7)).ShouldBe(first);
        first.ShouldContain('D');
        first.ShouldContain('.');
    }
}
