using System.Net;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>A flood of deliveries to one connection is capped per minute: beyond it 429, which Ashby retries; other connections are not affected.</summary>
public sealed class WebhookFloodTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new(new() { ["Ashbridge:Webhooks:MaxPerMinute"] = "3" });

    public ValueTask InitializeAsync()
    {
        _hub.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Beyond_the_deliveries_allowed_per_connection_and_minute_a_delivery_gets_429()
    {
        using var sender = _hub.CreateAnonymousClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await sender.PostAsync(new Uri("/webhooks/ashby/demo", UriKind.Relative), new StringContent("{}"), TestContext.Current.CancellationToken);
            answers.Add(response.StatusCode);
        }

        using var elsewhere = await sender.PostAsync(new Uri("/webhooks/ashby/other", UriKind.Relative), new StringContent("{}"), TestContext.Current.CancellationToken);

        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound); // its own allowance: it reached the intake
    }
}
