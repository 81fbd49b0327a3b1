using System.Net;
using Polly.Timeout;

namespace Ashbridge.Ashby.Tests.Errors;

/// <summary>
/// When no answer comes, the exception says which way it failed (unreachable or timed out), that it is transient, and
/// keeps the transport's own exception as its cause; callers never need to catch HttpRequestException or Polly's types.
/// </summary>
public class TransportErrorTests
{
    [Fact]
    public async Task A_refused_connection_is_an_unreachable_error_that_says_so_and_keeps_its_cause()
    {
        using var client = new AshbyClient(new AshbyClientOptions
        {
            ApiKey = TestClient.ApiKey,
            BaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/"),
            MaxRetries = 0,
            AttemptTimeout = Timeout.InfiniteTimeSpan,
        });

        var ex = await Should.ThrowAsync<AshbyUnreachableException>(() => client.Sources.ListAsync(cancellationToken: TestClient.Ct));

        ex.IsTransient.ShouldBeTrue();
        ex.StatusCode.ShouldBeNull();
        ex.Endpoint.ShouldBe("source.list");
        ex.Message.ShouldContain("source.list got no answer from Ashby (the connection was refused");
        ex.Message.ShouldContain("AshbyClientOptions.BaseUrl");
        ex.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_connection_is_an_unreachable_error(bool duringTheBody)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(duringTheBody ? Truncated(Ok("[]")) : Abort());
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyUnreachableException>(() => client.Sources.ListAsync(cancellationToken: TestClient.Ct));

        ex.IsTransient.ShouldBeTrue();
        ex.Message.ShouldContain("dropped or reset");
        ex.InnerException.ShouldNotBeNull();
        (ex.InnerException is HttpRequestException or IOException).ShouldBeTrue(ex.InnerException.GetType().Name);
    }

    [Fact]
    public async Task An_attempt_that_hangs_is_a_timeout_error_with_the_timeout_it_ran_into()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Hang());
        var time = new SignalingTimeProvider();
        var timeout = TimeSpan.FromSeconds(30);
        using var client = TestClient.Create(server, o =>
        {
            o.TimeProvider = time;
            o.AttemptTimeout = timeout;
        });

        var call = client.Sources.ListAsync(cancellationToken: TestClient.Ct);
        await server.WaitForRequestsAsync(1);
        await time.AdvancePastNextTimerAsync(due => due == timeout);
        var ex = await Should.ThrowAsync<AshbyTimeoutException>(() => call);

        ex.IsTransient.ShouldBeTrue();
        ex.Timeout.ShouldBe(timeout);
        ex.Message.ShouldContain("timed out after 30 s");
        ex.InnerException.ShouldBeOfType<TimeoutRejectedException>();
    }

    [Fact]
    public async Task A_call_may_ask_for_fewer_retries_than_the_client_allows()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Abort(), Ok("[]"));
        using var client = TestClient.Create(server, o => o.MaxRetries = 3);

        await Should.ThrowAsync<AshbyUnreachableException>(() => client.Sources.ListAsync(options: new AshbyRequestOptions { MaxRetries = 0 }, cancellationToken: TestClient.Ct));

        server.Requests.Count.ShouldBe(1);
    }

    /// <summary>Each failure callers branch on has its own type, and only the ones a later retry can cure are transient.</summary>
    [Theory]
    [InlineData(429, "rate_limit_exceeded", typeof(AshbyRateLimitedException), true)]
    [InlineData(401, "unauthenticated", typeof(AshbyAuthenticationException), false)]
    [InlineData(403, "forbidden", typeof(AshbyAuthenticationException), false)]
    [InlineData(200, "missing_endpoint_permission", typeof(AshbyPermissionException), false)]
    [InlineData(200, "candidate_not_found", typeof(AshbyNotFoundException), false)]
    [InlineData(200, "sync_token_expired", typeof(AshbySyncRestartRequiredException), false)]
    [InlineData(200, "next_cursor_expired", typeof(AshbySyncRestartRequiredException), false)]
    [InlineData(200, "invalid_input", typeof(AshbyInvalidInputException), false)]
    public async Task Every_kind_of_refusal_has_its_type_and_says_whether_it_is_transient(int status, string code, Type expected, bool transient)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error(code, status: status));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Sources.ListAsync(cancellationToken: TestClient.Ct));

        ex.ShouldBeOfType(expected);
        ex.IsTransient.ShouldBe(transient);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
