using Microsoft.Extensions.Logging;

namespace Ashbridge.Ashby.Tests.Transport;

public class LoggingTests
{
    [Fact]
    public async Task Retries_and_version_warnings_are_logged_without_the_key()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Raw(503, $"<html>{TestClient.ApiKey}</html>", "text/html"),
            Error("invalid_input", $"bad key {TestClient.ApiKey}").WithHeader("Ashby-Version", "2025-01-01").WithHeader("Ashby-Version-Status", "deprecated"));
        var time = new SignalingTimeProvider();
        using var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        using var client = TestClient.Create(server, o =>
        {
            o.MaxRetries = 2;
            o.TimeProvider = time;
            o.LoggerFactory = factory;
        });

        var call = client.Candidates.ListAsync(cancellationToken: TestClient.Ct);
        await time.AdvancePastNextTimerAsync();
        await Should.ThrowAsync<AshbyInvalidInputException>(() => call);

        var lines = provider.Lines;
        lines.ShouldContain(l => l.Id.Id == 1 && l.Text.Contains("candidate.list", StringComparison.Ordinal) && l.Text.Contains("HTTP 503", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Id.Id == 2 && l.Level == LogLevel.Warning && l.Text.Contains("deprecated", StringComparison.Ordinal));
        lines.ShouldAllBe(l => !l.Text.Contains(TestClient.ApiKey, StringComparison.Ordinal));
    }
}
