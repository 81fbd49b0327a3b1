using System.Net;

namespace Ashbridge.Ashby.Tests.Errors;

public class EnvelopeErrorTests
{
    [Fact]
    public async Task Success_false_on_HTTP_200_throws()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("opening_in_use", "The opening is used by another offer", requestId: "01JSJ8FDK5ZN4XQBZP7DBKK7ZC"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Offers.InfoAsync(new OfferInfoRequest { OfferId = "o1" }, cancellationToken: TestClient.Ct));

        ex.GetType().ShouldBe(typeof(AshbyApiException));
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
        ex.ErrorCode.ShouldBe(AshbyErrorCodes.OpeningInUse);
        ex.Endpoint.ShouldBe("offer.info");
        ex.RequestId.ShouldBe("01JSJ8FDK5ZN4XQBZP7DBKK7ZC");
        ex.ServerMessage.ShouldBe("The opening is used by another offer");
        ex.Errors.Single().Message.ShouldBe("opening_in_use");
        ex.Meta.ShouldNotBeNull();
        ex.IsTransient.ShouldBeFalse();
        ex.Message.ShouldContain("offer.info");
        ex.Message.ShouldContain("01JSJ8FDK5ZN4XQBZP7DBKK7ZC");
    }

    [Fact]
    public async Task Message_and_parameter_errors_without_errorInfo_become_invalid_input_naming_the_parameters()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(200, """{"success":false,"errors":[{"message":"Expected number, received string","parameter":"limit"},{"message":"Invalid uuid","parameter":"jobId"}]}"""));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyInvalidInputException>(() => client.Applications.ListAsync(cancellationToken: TestClient.Ct));

        ex.ErrorCode.ShouldBeNull();
        ex.Parameters.ShouldBe(["limit", "jobId"]);
        ex.Errors.Select(e => e.Message).ShouldBe(["Expected number, received string", "Invalid uuid"]);
        ex.Message.ShouldContain("limit, jobId");
    }

    [Fact]
    public async Task Invalid_input_code_throws_AshbyInvalidInputException()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("invalid_input", "createdAfter must be before createdBefore"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyInvalidInputException>(() => client.Candidates.ListAsync(cancellationToken: TestClient.Ct));

        ex.ErrorCode.ShouldBe(AshbyErrorCodes.InvalidInput);
        ex.Message.ShouldContain("createdAfter must be before createdBefore");
    }

    [Fact]
    public async Task Null_errors_and_errorInfo_still_throw()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(200, """{"success":false,"errors":null,"errorInfo":null}"""));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Candidates.ListAsync(cancellationToken: TestClient.Ct));

        ex.ErrorCode.ShouldBeNull();
        ex.Errors.ShouldBeEmpty();
        ex.Message.ShouldContain("success:false");
    }

    [Fact]
    public async Task A_lone_code_string_in_errors_is_used_as_the_code_when_errorInfo_is_absent()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(200, """{"success":false,"errors":["application_not_found"]}"""));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyNotFoundException>(() => client.Applications.InfoAsync(new ApplicationInfoRequest { ApplicationId = "a" }, cancellationToken: TestClient.Ct));

        ex.ErrorCode.ShouldBe("application_not_found");
    }

    [Fact]
    public async Task HTTP_401_is_an_authentication_failure_for_a_missing_key()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(401, "API key missing", "text/plain"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyAuthenticationException>(() => client.ApiKey.InfoAsync(cancellationToken: TestClient.Ct));

        ex.IsKeyMissing.ShouldBeTrue();
        ex.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ex.Message.ShouldContain("HTTP 401");
    }

    [Fact]
    public async Task HTTP_403_without_a_permission_code_is_an_authentication_failure_for_a_wrong_key()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(403, """{"success":false,"errors":["Invalid API key"]}"""));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyAuthenticationException>(() => client.ApiKey.InfoAsync(cancellationToken: TestClient.Ct));

        ex.IsKeyMissing.ShouldBeFalse();
        ex.Message.ShouldContain("wrong or deactivated");
    }

    [Fact]
    public async Task Missing_endpoint_permission_names_the_permission_scope_and_module()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("missing_endpoint_permission", "Missing permission", status: 403));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyPermissionException>(() => client.Candidates.ListAsync(cancellationToken: TestClient.Ct));

        ex.ShouldNotBeAssignableTo<AshbyAuthenticationException>();
        ex.Endpoint.ShouldBe("candidate.list");
        ex.RequiredPermission.ShouldNotBeNull();
        ex.RequiredPermission.Permission.ShouldBe("candidatesRead");
        ex.RequiredPermission.Scope.ShouldBe("candidates:read");
        ex.RequiredPermission.Module.ShouldBe("Candidates");
        ex.Message.ShouldContain("the key lacks the Candidates read permission (candidatesRead); enable it");
        ex.Message.ShouldContain("Ashby Admin › Integrations › API keys");
    }

    [Fact]
    public async Task Missing_permission_on_an_unknown_endpoint_still_names_the_endpoint()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("missing_endpoint_permission", status: 403));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyPermissionException>(() => client.SendRawAsync("report.generate", cancellationToken: TestClient.Ct));

        ex.RequiredPermission.ShouldBeNull();
        ex.Message.ShouldContain("report.generate");
    }

    [Theory]
    [InlineData("application_not_found")]
    [InlineData("interview_stage_not_found")]
    [InlineData("archive_reason_not_found")]
    [InlineData("candidate_not_found")]
    public async Task Not_found_codes_throw_AshbyNotFoundException(string code)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error(code));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyNotFoundException>(() => client.Applications.ChangeStageAsync(
            new ApplicationChangeStageRequest { ApplicationId = "a", InterviewStageId = "s" }, cancellationToken: TestClient.Ct));

        ex.ErrorCode.ShouldBe(code);
    }

    [Fact]
    public async Task HTTP_429_is_rate_limited_with_Retry_After_and_scope()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("rate_limit_exceeded", "Rate limit exceeded, retry in 60 seconds", status: 429)
            .WithHeader("Retry-After", "60").WithHeader("X-RateLimit-Scope", "integration-partner"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyRateLimitedException>(() => client.Candidates.ListAsync(cancellationToken: TestClient.Ct));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        ex.Scope.ShouldBe("integration-partner");
        ex.IsTransient.ShouldBeTrue();
        ex.ErrorCode.ShouldBe(AshbyErrorCodes.RateLimitExceeded);
        ex.Message.ShouldContain("retry after 60 s");
    }

    [Fact]
    public async Task Concurrent_limit_without_Retry_After_has_no_RetryAfter()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("concurrent_limit_exceeded", status: 429));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyRateLimitedException>(() => client.SendRawAsync("report.synchronous", cancellationToken: TestClient.Ct));

        ex.RetryAfter.ShouldBeNull();
        ex.ErrorCode.ShouldBe(AshbyErrorCodes.ConcurrentLimitExceeded);
    }

    [Theory]
    [InlineData("sync_token_expired")]
    [InlineData("sync_token_invalid")]
    [InlineData("incremental_sync_too_large")]
    [InlineData("next_cursor_expired")]
    [InlineData("invalid_next_cursor")]
    public async Task Sync_errors_require_a_full_pass(string code)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error(code));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbySyncRestartRequiredException>(() => client.Applications.ListAsync(
            new ApplicationListRequest { SyncToken = "old" }, cancellationToken: TestClient.Ct));

        ex.ErrorCode.ShouldBe(code);
        ex.Message.ShouldContain("full sync");
        AshbyErrorCodes.RequiresSyncRestart(code).ShouldBeTrue();
    }

    [Fact]
    public async Task An_HTML_502_page_becomes_a_clear_transient_AshbyApiException()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Jobs.ListAsync(cancellationToken: TestClient.Ct));

        ex.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        ex.IsTransient.ShouldBeTrue();
        ex.Message.ShouldContain("not an Ashby JSON envelope (text/html)");
        ex.Message.ShouldContain("job.list");
    }

    [Fact]
    public async Task A_non_JSON_200_body_throws_with_the_content_type()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(200, "OK", "text/plain"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Jobs.ListAsync(cancellationToken: TestClient.Ct));

        ex.IsTransient.ShouldBeFalse();
        ex.Message.ShouldContain("text/plain");
        ex.Message.ShouldContain("BaseUrl");
    }

    [Fact]
    public async Task A_success_envelope_with_the_wrong_shape_is_reported_as_such()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"id":"c1"}"""));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Candidates.InfoAsync(new CandidateInfoRequest { Id = "c1" }, cancellationToken: TestClient.Ct));

        ex.Message.ShouldContain("did not have the expected shape");
    }
}
