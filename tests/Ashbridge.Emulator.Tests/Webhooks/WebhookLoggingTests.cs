namespace Ashbridge.Emulator.Tests.Webhooks;

public sealed class WebhookLoggingTests
{
    [Fact]
    public async Task Failures_are_logged_by_webhook_id_without_the_secret_signature_or_url()
    {
        using var logs = new RecordingLoggerProvider();
        await using var h = await WebhookHarness.StartAsync(logs: logs);
        var setting = await h.CreateAsync("candidateHire", "hook-with-token-in-path", secret: "super-secret-token");
        h.Receiver.Script("hook-with-token-in-path", 500, 404);
        h.Publish(("candidateHire", "a"));
        await h.IdleAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        h.Receiver.Script("hook-with-token-in-path", 500);
        await h.Registry.UpdateAsync(setting.Id, true, null, null, TestContext.Current.CancellationToken);

        var lines = logs.Lines.Where(l => l.Contains("Webhook", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(3); // retrying, failed (404), ping failed
        lines.ShouldAllBe(l => l.Contains(setting.Id));
        var signature = h.Receiver.Deliveries("hook-with-token-in-path")[0].Header("Ashby-Signature")!;
        lines.ShouldAllBe(l => !l.Contains("super-secret-token") && !l.Contains(signature) && !l.Contains("hook-with-token-in-path"));
    }
}
