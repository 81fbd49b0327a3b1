using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Emulator.Tests.Faults;

public sealed class FaultMiddlewareTests
{
    [Fact]
    public async Task Without_faults_requests_pass_through()
    {
        await using var app = await FaultTestApp.StartAsync(null);

        (await app.StatusesAsync(20)).ShouldAllBe(s => s == 200);
    }

    [Fact]
    public async Task Over_the_rate_a_key_gets_429_with_Ashbys_failure_envelope_and_no_Retry_After()
    {
        await using var app = await FaultTestApp.StartAsync("rate=2/s,burst=2");

        (await app.StatusesAsync(2)).ShouldBe([200, 200]);
        using var limited = await app.CallAshbyAsync();

        ((int)limited.StatusCode).ShouldBe(429);
        limited.Headers.RetryAfter.ShouldBeNull();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        body["success"]!.GetValue<bool>().ShouldBeFalse();
        body["errors"]![0]!.GetValue<string>().ShouldBe("rate_limit_exceeded");
        body["errorInfo"]!["code"]!.GetValue<string>().ShouldBe("rate_limit_exceeded");
        body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("retry later");
        body["errorInfo"]!["requestId"]!.GetValue<string>().Length.ShouldBe(26);
    }

    [Fact]
    public async Task Each_key_has_its_own_bucket_and_it_refills_with_time()
    {
        var time = new FakeTimeProvider();
        await using var app = await FaultTestApp.StartAsync("rate=2/s,burst=2", time: time);

        (await app.StatusesAsync(3, "key-a")).ShouldBe([200, 200, 429]);
        (await app.StatusesAsync(3, "key-b")).ShouldBe([200, 200, 429]);

        time.Advance(TimeSpan.FromMilliseconds(499));
        (await app.StatusesAsync(1, "key-a")).ShouldBe([429]);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await app.StatusesAsync(2, "key-a")).ShouldBe([200, 429]);
    }

    [Fact]
    public async Task The_retryAfterHeader_option_adds_Retry_After()
    {
        await using var app = await FaultTestApp.StartAsync("rate=1/min,burst=1,retryAfterHeader=true");

        (await app.StatusesAsync(1)).ShouldBe([200]);
        using var limited = await app.CallAshbyAsync();

        ((int)limited.StatusCode).ShouldBe(429);
        limited.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Server_errors_are_500_with_the_envelope_or_502_503_with_a_gateway_page()
    {
        await using var app = await FaultTestApp.StartAsync("5xx=1");
        var seen = new HashSet<int>();

        for (var i = 0; i < 30; i++)
        {
            using var response = await app.CallAshbyAsync();
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            seen.Add(status);
            if (status == 500)
            {
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
                JsonNode.Parse(text)!["errorInfo"]!["code"]!.GetValue<string>().ShouldBe("internal_server_error");
            }
            else
            {
                status.ShouldBeOneOf(502, 503);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
                text.ShouldContain($"<h1>{status} ");
            }
        }

        seen.OrderBy(s => s).ShouldBe([500, 502, 503]);
    }

    [Fact]
    public async Task A_dropped_connection_reaches_the_client_as_an_HttpRequestException()
    {
        await using var app = await FaultTestApp.StartAsync("drop=1");

        await Should.ThrowAsync<HttpRequestException>(() => app.CallAshbyAsync());
    }

    [Fact]
    public async Task Latency_is_requested_from_the_emulators_clock_before_the_endpoint_answers()
    {
        var time = new SignalingFakeTimeProvider();
        await using var app = await FaultTestApp.StartAsync("latency=40ms", time: time);

        var call = app.CallAshbyAsync();
        (await time.NextTimerAsync()).ShouldBe(TimeSpan.FromMilliseconds(40));
        call.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(40));

        using var response = await call;
        ((int)response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task Control_paths_are_never_faulted()
    {
        await using var app = await FaultTestApp.StartAsync("rate=1/s,burst=1,5xx=1,drop=1,latency=10s");

        for (var i = 0; i < 10; i++)
        {
            using var response = await app.Client.GetAsync("_emulator/health", TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBe(200);
        }
    }

    [Fact]
    public async Task The_same_seed_and_request_order_give_the_same_faults()
    {
        async Task<List<int>> RunAsync(int seed)
        {
            await using var app = await FaultTestApp.StartAsync("5xx=0.5", seed);
            return await app.StatusesAsync(24);
        }

        var first = await RunAsync(3);
        (await RunAsync(3)).ShouldBe(first);
        first.ShouldContain(200);
        first.ShouldContain(s => s >= 500);
    }
}
