using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Tests.Webhooks;

public sealed class WebhookRetryTests
{
    [Fact]
    public async Task Failures_are_retried_on_Ashbys_schedule_with_the_same_bytes_and_give_up_after_ten_attempts()
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire");
        h.Receiver.Script("hook", [.. Enumerable.Repeat(500, 20)]);

        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();

        for (var n = 1; n < WebhookRetryPolicy.MaxAttempts; n++)
        {
            h.Receiver.Deliveries().Count.ShouldBe(n);
            var last = h.Attempts()[^1];
            last.State.ShouldBe(DeliveryState.Retrying);
            var delay = TimeSpan.FromSeconds(((1 << n) - 1) * 10);
            last.NextRetryAt.ShouldBe(h.Time.GetUtcNow() + delay);

            await h.AdvanceAsync(delay - TimeSpan.FromMilliseconds(1));
            h.Receiver.Deliveries().Count.ShouldBe(n, $"attempt {n + 1} came before its {delay} delay");
            await h.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        }

        var deliveries = h.Receiver.Deliveries();
        deliveries.Count.ShouldBe(10);
        deliveries.Select(d => Convert.ToBase64String(d.Body)).Distinct().ShouldHaveSingleItem();
        deliveries.Select(d => d.Header("Ashby-Signature")).Distinct().ShouldHaveSingleItem();
        h.Attempts().Select(a => a.Attempt).ShouldBe(Enumerable.Range(1, 10));
        h.Attempts()[^1].State.ShouldBe(DeliveryState.GaveUp);
        h.Attempts()[^1].NextRetryAt.ShouldBeNull();

        await h.AdvanceAsync(TimeSpan.FromDays(1));
        h.Receiver.Deliveries().Count.ShouldBe(10);
        h.Dispatcher.Activity.Waiting.ShouldBe(0);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(410)]
    public async Task A_final_refusal_is_never_retried(int status)
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire");
        h.Receiver.Script("hook", status);

        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();
        await h.AdvanceAsync(TimeSpan.FromHours(4));

        h.Receiver.Deliveries().ShouldHaveSingleItem();
        var attempt = h.Attempts().ShouldHaveSingleItem();
        attempt.State.ShouldBe(DeliveryState.Failed);
        attempt.StatusCode.ShouldBe(status);
        h.Dispatcher.Activity.Waiting.ShouldBe(0);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(400)]
    [InlineData(302)]
    public async Task Other_non_2xx_answers_are_retried_until_delivered(int status)
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire");
        h.Receiver.Script("hook", status);

        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        h.Attempts().Select(a => (a.Attempt, a.StatusCode, a.State)).ShouldBe([(1, (int?)status, DeliveryState.Retrying), (2, 200, DeliveryState.Delivered)]);
        h.Receiver.Deliveries().Select(d => d.Json["webhookActionId"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var h = await WebhookHarness.StartAsync();
        await h.CreateAsync("candidateHire");
        h.Receiver.Script("hook", WebhookReceiver.Abort);

        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        var attempts = h.Attempts();
        attempts.Count.ShouldBe(2);
        attempts[0].StatusCode.ShouldBeNull();
        attempts[0].Error.ShouldNotBeNull().ShouldStartWith("transport:");
        attempts[0].State.ShouldBe(DeliveryState.Retrying);
        attempts[1].State.ShouldBe(DeliveryState.Delivered);
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        await using var h = await WebhookHarness.StartAsync();
        await using var gone = await WebhookReceiver.StartAsync();
        await h.Registry.CreateAsync("candidateHire", gone.Url("hook"), null, TestContext.Current.CancellationToken);
        await gone.DisposeAsync();

        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();

        var attempt = h.Attempts().ShouldHaveSingleItem();
        attempt.Error.ShouldNotBeNull().ShouldContain("ConnectionError");
        attempt.State.ShouldBe(DeliveryState.Retrying);
        h.Dispatcher.Activity.Waiting.ShouldBe(1);
    }

    [Fact]
    public async Task A_timeout_is_retried()
    {
        await using var h = await WebhookHarness.StartAsync(requestTimeout: TimeSpan.FromMilliseconds(300));
        await h.CreateAsync("candidateHire");
        h.Receiver.Script("hook", WebhookReceiver.Hang);

        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        var attempts = h.Attempts();
        attempts.Count.ShouldBe(2);
        attempts[0].Error.ShouldNotBeNull().ShouldStartWith("timeout");
        attempts[0].State.ShouldBe(DeliveryState.Retrying);
        attempts[1].State.ShouldBe(DeliveryState.Delivered);
    }

    [Fact]
    public void The_delays_are_2_to_the_n_minus_1_times_10_seconds_scaled()
    {
        Enumerable.Range(1, 9).Select(n => WebhookRetryPolicy.DelayAfter(n, 1).TotalSeconds)
            .ShouldBe([10, 30, 70, 150, 310, 630, 1270, 2550, 5110]);
        WebhookRetryPolicy.DelayAfter(3, 0.001).ShouldBe(TimeSpan.FromMilliseconds(70));
    }
}
