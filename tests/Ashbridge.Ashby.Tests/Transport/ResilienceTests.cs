using System.Net;

namespace Ashbridge.Ashby.Tests.Transport;

/// <summary>Retries run on a <see cref="SignalingTimeProvider"/>: the test waits until the client waits, then advances fake time.</summary>
public class ResilienceTests
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    private static AshbyClient Create(ScriptedAshbyServer server, SignalingTimeProvider time, int maxRetries = 3, TimeSpan? attemptTimeout = null) =>
        TestClient.Create(server, o =>
        {
            o.TimeProvider = time;
            o.MaxRetries = maxRetries;
            o.BaseDelay = BaseDelay;
            o.MaxDelay = MaxDelay;
            o.AttemptTimeout = attemptTimeout ?? Timeout.InfiniteTimeSpan;
        });

    private static Task<IReadOnlyList<Source>> ListSources(AshbyClient client) => client.Sources.ListAsync(cancellationToken: TestClient.Ct);

    private static Task<Candidate> CreateCandidate(AshbyClient client) =>
        client.Candidates.CreateAsync(new CandidateCreateRequest { Name = "Ada Lovelace" }, cancellationToken: TestClient.Ct);

    private const string CandidateJson = """{"id":"c1","name":"Ada Lovelace","emailAddresses":[],"phoneNumbers":[],"socialLinks":[],"tags":[],"applicationIds":[],"fileHandles":[],"profileUrl":"https://app.ashbyhq.com/c1"}""";

    [Fact]
    public async Task A_read_is_retried_after_429_waiting_exactly_the_Retry_After()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("rate_limit_exceeded", status: 429).WithHeader("Retry-After", "7"), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var call = ListSources(client);
        var waited = await time.AdvancePastNextTimerAsync();
        (await call).ShouldBeEmpty();

        waited.ShouldBe(TimeSpan.FromSeconds(7));
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_Retry_After_date_is_measured_against_the_TimeProvider()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        var time = new SignalingTimeProvider();
        var at = time.GetUtcNow().AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        server.Enqueue(Error("rate_limit_exceeded", status: 429).WithHeader("Retry-After", at), Ok("[]"));
        using var client = Create(server, time);

        var call = ListSources(client);
        var waited = await time.AdvancePastNextTimerAsync();
        await call;

        waited.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_read_is_retried_after_429_without_Retry_After_using_bounded_backoff()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("rate_limit_exceeded", status: 429), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var call = ListSources(client);
        var waited = await time.AdvancePastNextTimerAsync();
        await call;

        waited.ShouldBeGreaterThan(TimeSpan.Zero);
        waited.ShouldBeLessThanOrEqualTo(MaxDelay);
        server.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_read_is_retried_on_5xx(int status)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(status, "<html>oops</html>", "text/html"), Raw(status, """{"success":false,"errorInfo":{"code":"internal_server_error"}}"""), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var call = ListSources(client);
        await time.AdvancePastNextTimerAsync();
        await time.AdvancePastNextTimerAsync();
        (await call).ShouldBeEmpty();

        server.Requests.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_read_is_retried_after_a_dropped_connection_before_or_during_the_body(bool duringTheBody)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(duringTheBody ? Truncated(Page("[]", more: false)) : Abort(), Page("[]", more: false));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var call = client.Candidates.ListAsync(cancellationToken: TestClient.Ct);
        await time.AdvancePastNextTimerAsync();
        (await call).Results.ShouldBeEmpty();

        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_read_is_retried_after_an_attempt_timeout()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Hang(), Ok("[]"));
        var time = new SignalingTimeProvider();
        var timeout = TimeSpan.FromSeconds(45);
        using var client = Create(server, time, attemptTimeout: timeout);

        var call = ListSources(client);
        await server.WaitForRequestsAsync(1);
        (await time.AdvancePastNextTimerAsync(due => due == timeout)).ShouldBe(timeout);
        await time.AdvancePastNextTimerAsync(due => due != timeout);
        (await call).ShouldBeEmpty();

        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_write_is_not_retried_on_5xx()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(503, "<html>unavailable</html>", "text/html"), Ok(CandidateJson));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => CreateCandidate(client));

        ex.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ex.IsTransient.ShouldBeTrue();
        server.Requests.Count.ShouldBe(1);
        time.CreatedTimers.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_write_is_not_retried_after_a_dropped_connection_and_says_it_may_have_happened(bool duringTheBody)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(duringTheBody ? Truncated(Ok(CandidateJson)) : Abort(), Ok(CandidateJson));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => CreateCandidate(client));

        ex.StatusCode.ShouldBeNull();
        ex.Message.ShouldContain("may or may not have been applied");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_write_is_not_retried_after_an_attempt_timeout()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Hang(), Ok(CandidateJson));
        var time = new SignalingTimeProvider();
        var timeout = TimeSpan.FromSeconds(30);
        using var client = Create(server, time, attemptTimeout: timeout);

        var call = client.Applications.ChangeStageAsync(new ApplicationChangeStageRequest { ApplicationId = "a", InterviewStageId = "s" }, cancellationToken: TestClient.Ct);
        await server.WaitForRequestsAsync(1);
        await time.AdvancePastNextTimerAsync(due => due == timeout);
        var ex = await Should.ThrowAsync<AshbyApiException>(() => call);

        ex.Message.ShouldContain("timed out after 30 s");
        ex.IsTransient.ShouldBeTrue();
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_write_is_retried_on_429_because_it_never_ran()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("rate_limit_exceeded", status: 429).WithHeader("Retry-After", "3"), Ok(CandidateJson));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var call = CreateCandidate(client);
        await time.AdvancePastNextTimerAsync();
        (await call).Id.ShouldBe("c1");

        server.Requests.Count.ShouldBe(2);
        server.Requests.ShouldAllBe(r => r.Path == "/candidate.create");
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_with_the_last_error()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(503, "x", "text/plain"), Raw(503, "x", "text/plain"), Raw(502, "bad gateway", "text/plain"), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time, maxRetries: 2);

        var call = ListSources(client);
        await time.AdvancePastNextTimerAsync();
        await time.AdvancePastNextTimerAsync();
        var ex = await Should.ThrowAsync<AshbyApiException>(() => call);

        ex.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_goes_back_to_the_caller()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("rate_limit_exceeded", status: 429).WithHeader("Retry-After", "600"), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        var ex = await Should.ThrowAsync<AshbyRateLimitedException>(() => ListSources(client));

        ex.RetryAfter.ShouldBe(TimeSpan.FromMinutes(10));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Errors_that_are_not_transient_are_not_retried()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("missing_endpoint_permission", status: 403), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);

        await Should.ThrowAsync<AshbyPermissionException>(() => ListSources(client));

        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_delay_stops_the_call()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(503, "x", "text/plain"), Ok("[]"));
        var time = new SignalingTimeProvider();
        using var client = Create(server, time);
        using var cts = new CancellationTokenSource();

        var call = client.Sources.ListAsync(cancellationToken: cts.Token);
        await server.WaitForRequestsAsync(1);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public void Safe_reads_are_list_info_search_and_apiKey_info()
    {
        AshbyPermissions.IsSafeRead("candidate.list").ShouldBeTrue();
        AshbyPermissions.IsSafeRead("application.info").ShouldBeTrue();
        AshbyPermissions.IsSafeRead("user.search").ShouldBeTrue();
        AshbyPermissions.IsSafeRead("apiKey.info").ShouldBeTrue();
        AshbyPermissions.IsSafeRead("application.listHistory").ShouldBeTrue();
        AshbyPermissions.IsSafeRead("candidate.create").ShouldBeFalse();
        AshbyPermissions.IsSafeRead("application.changeStage").ShouldBeFalse();
        AshbyPermissions.IsSafeRead("hiringTeam.addMember").ShouldBeFalse();
        AshbyPermissions.IsSafeRead("webhook.create").ShouldBeFalse();
    }
}

public class ConnectionRefusedTests
{
    [Fact]
    public async Task A_write_is_retried_when_the_connection_could_not_even_be_opened()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var time = new SignalingTimeProvider();
        using var client = new AshbyClient(new AshbyClientOptions
        {
            ApiKey = TestClient.ApiKey,
            BaseUrl = new Uri($"http://127.0.0.1:{port}/"),
            MaxRetries = 1,
            AttemptTimeout = Timeout.InfiniteTimeSpan,
            TimeProvider = time,
        });

        var call = client.Candidates.CreateAsync(new CandidateCreateRequest { Name = "Ada" }, cancellationToken: TestClient.Ct);
        await time.AdvancePastNextTimerAsync();
        var ex = await Should.ThrowAsync<AshbyUnreachableException>(() => call);

        ex.StatusCode.ShouldBeNull();
        ex.IsTransient.ShouldBeTrue();
        ex.Message.ShouldContain("the connection was refused");
        ex.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
    }
}
