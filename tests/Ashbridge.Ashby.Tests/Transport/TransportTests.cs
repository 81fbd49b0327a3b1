using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Ashby.Tests.Transport;

public class TransportTests
{
    [Fact]
    public async Task Basic_auth_header_is_the_key_as_user_name_with_an_empty_password()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"title":"Hub","createdAt":"2026-01-01T00:00:00.000Z","scopes":["candidates:read"]}"""));
        using var client = TestClient.Create(server);

        await client.ApiKey.InfoAsync(cancellationToken: TestClient.Ct);

        var auth = server.Requests.Single().Header("Authorization");
        auth.ShouldNotBeNull();
        auth.ShouldStartWith("Basic ");
        Encoding.UTF8.GetString(Convert.FromBase64String(auth["Basic ".Length..])).ShouldBe(TestClient.ApiKey + ":");
    }

    [Fact]
    public async Task A_call_without_parameters_posts_an_empty_object_with_json_accept_and_content_type()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"title":"Hub","scopes":[]}"""));
        using var client = TestClient.Create(server);

        var info = await client.ApiKey.InfoAsync(cancellationToken: TestClient.Ct);

        info.Title.ShouldBe("Hub");
        var request = server.Requests.Single();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/apiKey.info");
        request.Body.ShouldBe("{}");
        request.Header("Content-Type").ShouldBe("application/json");
        request.Header("Accept").ShouldBe("application/json");
    }

    [Fact]
    public async Task A_list_without_a_request_also_posts_an_empty_object()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]"));
        using var client = TestClient.Create(server);

        (await client.Sources.ListAsync(cancellationToken: TestClient.Ct)).ShouldBeEmpty();

        server.Requests.Single().Body.ShouldBe("{}");
        server.Requests.Single().Header("Content-Type").ShouldBe("application/json");
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_the_path()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]"));
        using var client = TestClient.Create(server, o => o.BaseUrl = new Uri(server.BaseUrl, "ashby"));

        await client.Sources.ListAsync(cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/ashby/source.list");
    }

    [Fact]
    public async Task No_Ashby_Version_header_is_sent_unless_configured()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]"), Ok("[]"), Ok("[]"));
        using var plain = TestClient.Create(server);
        using var pinned = TestClient.Create(server, o => o.AshbyVersion = "2026-01-01");

        await plain.Sources.ListAsync(cancellationToken: TestClient.Ct);
        await pinned.Sources.ListAsync(cancellationToken: TestClient.Ct);
        await pinned.Sources.ListAsync(options: new AshbyRequestOptions { AshbyVersion = "2026-07-01" }, cancellationToken: TestClient.Ct);

        server.Requests[0].Header("Ashby-Version").ShouldBeNull();
        server.Requests[1].Header("Ashby-Version").ShouldBe("2026-01-01");
        server.Requests[2].Header("Ashby-Version").ShouldBe("2026-07-01");
    }

    [Fact]
    public async Task A_deprecated_version_status_raises_VersionWarning_once_and_is_exposed()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Ok("[]").WithHeader("Ashby-Version", "2026-01-01").WithHeader("Ashby-Version-Status", "deprecated"),
            Ok("[]").WithHeader("Ashby-Version", "2026-01-01").WithHeader("Ashby-Version-Status", "deprecated"));
        using var client = TestClient.Create(server);
        var warnings = new List<AshbyVersionWarningEventArgs>();
        client.VersionWarning += (_, e) => warnings.Add(e);

        await client.Sources.ListAsync(cancellationToken: TestClient.Ct);
        await client.Sources.ListAsync(cancellationToken: TestClient.Ct);

        warnings.Count.ShouldBe(1);
        warnings[0].Endpoint.ShouldBe("source.list");
        warnings[0].Version.ShouldBe(new AshbyVersionInfo("2026-01-01", AshbyVersionStatus.Deprecated));
        client.LastSeenVersion.ShouldBe(new AshbyVersionInfo("2026-01-01", "deprecated"));
    }

    [Fact]
    public async Task An_unsupported_version_reported_on_an_error_response_still_warns()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("invalid_input").WithHeader("Ashby-Version", "2025-01-01").WithHeader("Ashby-Version-Status", "Unsupported"));
        using var client = TestClient.Create(server);
        AshbyVersionWarningEventArgs? warning = null;
        client.VersionWarning += (_, e) => warning = e;

        await Should.ThrowAsync<AshbyInvalidInputException>(() => client.Sources.ListAsync(cancellationToken: TestClient.Ct));

        warning.ShouldNotBeNull().Version.Status.ShouldBe(AshbyVersionStatus.Unsupported);
    }

    [Fact]
    public async Task An_active_version_does_not_warn_but_is_recorded()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]").WithHeader("Ashby-Version", "2026-01-01").WithHeader("Ashby-Version-Status", "active"));
        using var client = TestClient.Create(server);
        var warned = false;
        client.VersionWarning += (_, _) => warned = true;

        await client.Sources.ListAsync(cancellationToken: TestClient.Ct);

        warned.ShouldBeFalse();
        client.LastSeenVersion.ShouldBe(new AshbyVersionInfo("2026-01-01", "active"));
    }

    [Fact]
    public async Task SendRawAsync_posts_the_object_and_returns_results()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""[{"id":"plan-1"}]""", ""","moreDataAvailable":false"""));
        using var client = TestClient.Create(server);

        var results = await client.SendRawAsync("interviewPlan.list", new JsonObject { ["includeArchived"] = true }, cancellationToken: TestClient.Ct);

        results.ValueKind.ShouldBe(JsonValueKind.Array);
        results[0].GetProperty("id").GetString().ShouldBe("plan-1");
        server.Requests.Single().Path.ShouldBe("/interviewPlan.list");
        server.Requests.Single().Json.GetProperty("includeArchived").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task SendRawBytesAsync_returns_the_envelope_bytes_and_checks_success()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"id":"x"}"""), Error("application_not_found"));
        using var client = TestClient.Create(server);

        var bytes = await client.SendRawBytesAsync("application.info", """{"applicationId":"x"}"""u8.ToArray(), cancellationToken: TestClient.Ct);
        JsonDocument.Parse(bytes).RootElement.GetProperty("results").GetProperty("id").GetString().ShouldBe("x");
        server.Requests[0].Body.ShouldBe("""{"applicationId":"x"}""");

        await Should.ThrowAsync<AshbyNotFoundException>(() => client.SendRawBytesAsync("application.info", ReadOnlyMemory<byte>.Empty, cancellationToken: TestClient.Ct));
        server.Requests[1].Body.ShouldBe("{}");
    }

    [Fact]
    public async Task SendRawEnvelopeAsync_writes_the_body_as_json_and_returns_the_envelope_bytes()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""[{"id":"stage-1"}]"""), Ok("[]"), Error("interview_plan_not_found"));
        using var client = TestClient.Create(server);
        var body = new JsonObject { ["interviewPlanId"] = "plan/1+2", ["limit"] = 100 };
        var asTheSerializerWritesIt = JsonSerializer.Serialize(body);

        var bytes = await client.SendRawEnvelopeAsync("interviewStage.list", body, cancellationToken: TestClient.Ct);

        JsonDocument.Parse(bytes).RootElement.GetProperty("results")[0].GetProperty("id").GetString().ShouldBe("stage-1");
        server.Requests[0].Body.ShouldBe(asTheSerializerWritesIt);

        await client.SendRawEnvelopeAsync("interviewStage.list", null, cancellationToken: TestClient.Ct);
        server.Requests[1].Body.ShouldBe("{}");

        await Should.ThrowAsync<AshbyNotFoundException>(() => client.SendRawEnvelopeAsync("interviewStage.list", new JsonObject { ["interviewPlanId"] = "gone" }, cancellationToken: TestClient.Ct));
    }

    [Fact]
    public void An_empty_api_key_is_rejected_with_advice()
    {
        var ex = Should.Throw<ArgumentException>(() => new AshbyClient(" "));
        ex.Message.ShouldContain("API keys");
    }

    [Fact]
    public async Task AddAshbyClient_registers_a_client_on_the_named_http_client()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]"));
        var services = new ServiceCollection();
        var builder = services.AddAshbyClient(o =>
        {
            o.ApiKey = TestClient.ApiKey;
            o.BaseUrl = server.BaseUrl;
        });
        builder.Name.ShouldBe(AshbyClientDefaults.HttpClientName);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AshbyClient>();
        await client.Sources.ListAsync(cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/source.list");
    }

    [Fact]
    public async Task Sub_clients_are_created_once()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        using var client = TestClient.Create(server);

        client.Candidates.ShouldBeSameAs(client.Candidates);
        client.Webhooks.ShouldBeSameAs(client.Webhooks);
    }

    [Fact]
    public async Task A_test_double_can_override_a_sub_client_method()
    {
        var fake = new FakeCandidates();
        var candidate = await fake.InfoAsync(new CandidateInfoRequest { Id = "c1" }, cancellationToken: TestClient.Ct);
        candidate.Name.ShouldBe("Fake");
        await Should.ThrowAsync<InvalidOperationException>(() => fake.SearchAsync(new CandidateSearchRequest(), cancellationToken: TestClient.Ct));
    }

    private sealed class FakeCandidates : CandidatesClient
    {
        public override Task<Candidate> InfoAsync(CandidateInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Candidate
            {
                Id = request.Id!, Name = "Fake", EmailAddresses = [], PhoneNumbers = [], SocialLinks = [], Tags = [],
                ApplicationIds = [], FileHandles = [], ProfileUrl = "https://app.ashbyhq.com/candidates/c1",
            });
    }
}

public class OptionsTests
{
    [Fact]
    public async Task Changing_the_exposed_options_does_not_change_the_client()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]"));
        using var client = TestClient.Create(server);

        client.Options.AshbyVersion = "1999-01-01";
        client.Options.ApiKey.ShouldBe(TestClient.ApiKey);
        await client.Sources.ListAsync(cancellationToken: TestClient.Ct);

        server.Requests.Single().Header("Ashby-Version").ShouldBeNull();
    }

    [Fact]
    public void Defaults_match_the_documented_values()
    {
        var options = new AshbyClientOptions();

        options.BaseUrl.ShouldBe(new Uri("https://api.ashbyhq.com"));
        options.MaxRetries.ShouldBe(3);
        options.TimeProvider.ShouldBeSameAs(TimeProvider.System);
        options.AshbyVersion.ShouldBeNull();
    }
}
