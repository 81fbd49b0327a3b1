using System.Net.Http.Headers;

namespace Ashbridge.Emulator.Tests.Api;

public class EnvelopeAndAuthTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static void ShouldBeFailureEnvelope(AshbyResponse r, int status, string code)
    {
        r.Status.ShouldBe(status);
        r.Success.ShouldBeFalse();
        r.ErrorCode.ShouldBe(code);
        r.Body["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe([code]);
        r.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        r.Body["errorInfo"]!["requestId"]!.GetValue<string>().ShouldMatch("^[0-9A-HJKMNP-TV-Z]{26}$");
    }

    [Fact]
    public async Task A_missing_authorization_header_is_401_with_the_failure_envelope()
    {
        var r = await emulator.CallAsync("candidate.list", key: null);
        ShouldBeFailureEnvelope(r, 401, "unauthenticated");
    }

    [Fact]
    public async Task A_malformed_authorization_header_is_401()
    {
        var r = await emulator.SendAsync(HttpMethod.Post, "candidate.list", "{}", new AuthenticationHeaderValue("Bearer", "full-key"));
        ShouldBeFailureEnvelope(r, 401, "unauthenticated");
        var garbage = await emulator.SendAsync(HttpMethod.Post, "candidate.list", "{}", new AuthenticationHeaderValue("Basic", "%%%not-base64"));
        ShouldBeFailureEnvelope(garbage, 401, "unauthenticated");
    }

    [Fact]
    public async Task An_unknown_key_is_403()
    {
        var r = await emulator.CallAsync("candidate.list", key: "nobody-knows-me");
        ShouldBeFailureEnvelope(r, 403, "invalid_api_key");
    }

    [Fact]
    public async Task A_deactivated_key_is_403()
    {
        var r = await emulator.CallAsync("candidate.list", key: EmulatorFixture.DeactivatedKey);
        ShouldBeFailureEnvelope(r, 403, "api_key_deactivated");
    }

    [Fact]
    public async Task An_endpoint_outside_the_keys_permissions_is_403_missing_endpoint_permission_naming_endpoint_and_permission()
    {
        var r = await emulator.CallAsync("job.list", key: EmulatorFixture.CandidatesOnlyKey);
        ShouldBeFailureEnvelope(r, 403, "missing_endpoint_permission");
        var message = r.Body["errorInfo"]!["message"]!.GetValue<string>();
        message.ShouldContain("job.list");
        message.ShouldContain("jobsRead");
        (await emulator.CallAsync("candidate.list", "{\"limit\":1}", EmulatorFixture.CandidatesOnlyKey)).Success.ShouldBeTrue();
    }

    [Fact]
    public async Task ApiKey_info_needs_apiKeysRead_and_returns_title_createdAt_and_colon_scopes()
    {
        (await emulator.CallAsync("apiKey.info", key: EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
        var r = await emulator.CallAsync("apiKey.info", key: EmulatorFixture.NoFlagsKey);
        r.Success.ShouldBeTrue();
        r.Result["title"]!.GetValue<string>().ShouldBe("No flags");
        DateTimeOffset.Parse(r.Result["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Year.ShouldBeGreaterThan(2020);
        r.Result["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(
            ["candidates:read", "jobs:read", "interviews:read", "hiringProcessMetadata:read", "organization:read", "offers:read", "apiKeys:read"]);
    }

    [Fact]
    public async Task Success_envelope_has_success_and_results_and_the_version_headers()
    {
        var r = await emulator.CallAsync("hiringTeamRole.list");
        r.Status.ShouldBe(200);
        r.Body.AsObject().Select(p => p.Key).ShouldBe(["success", "results"]);
        r.Message.Headers.GetValues("Ashby-Version").ShouldBe(["2026-01-01"]);
    }

    [Fact]
    public async Task A_missing_required_parameter_is_invalid_input_naming_it_on_http_200()
    {
        var r = await emulator.CallAsync("application.info");
        ShouldBeFailureEnvelope(r, 200, "invalid_input");
        r.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("applicationId");
    }

    [Fact]
    public async Task A_malformed_uuid_is_invalid_input_naming_the_parameter()
    {
        var r = await emulator.CallAsync("candidate.info", """{"id":"not-a-uuid"}""");
        ShouldBeFailureEnvelope(r, 200, "invalid_input");
        r.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("id");
    }

    [Theory]
    [InlineData("""{"limit":"ten"}""")]
    [InlineData("""{"limit":0}""")]
    [InlineData("""{"limit":-5}""")]
    public async Task A_bad_limit_uses_the_alternate_errors_shape_with_message_and_parameter(string body)
    {
        var r = await emulator.CallAsync("candidate.list", body);
        r.Status.ShouldBe(200);
        r.Success.ShouldBeFalse();
        r.Body["errorInfo"].ShouldBeNull();
        var error = r.Body["errors"]!.AsArray().Single()!.AsObject();
        error["parameter"]!.GetValue<string>().ShouldBe("limit");
        error["message"]!.GetValue<string>().ShouldContain("limit");
    }

    [Fact]
    public async Task A_wrong_json_type_uses_the_alternate_errors_shape()
    {
        var r = await emulator.CallAsync("user.list", """{"includeDeactivated":"yes"}""");
        r.Body["errors"]!.AsArray().Single()!["parameter"]!.GetValue<string>().ShouldBe("includeDeactivated");
    }

    [Fact]
    public async Task A_limit_above_100_is_capped_silently()
    {
        var r = await emulator.CallAsync("candidate.list", """{"limit":500}""");
        r.Success.ShouldBeTrue();
        r.Results.Count.ShouldBe(100);
        r.Body["moreDataAvailable"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Null_cursor_and_syncToken_are_accepted_as_absent()
    {
        var r = await emulator.CallAsync("user.list", """{"cursor":null,"syncToken":null,"limit":2}""");
        r.Success.ShouldBeTrue();
        r.Results.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_invalid_input()
    {
        ShouldBeFailureEnvelope(await emulator.CallAsync("candidate.list", "{nope"), 200, "invalid_input");
        ShouldBeFailureEnvelope(await emulator.CallAsync("candidate.list", "[1,2]"), 200, "invalid_input");
    }

    [Fact]
    public async Task An_empty_body_means_no_parameters()
    {
        var r = await emulator.SendAsync(HttpMethod.Post, "hiringTeamRole.list", null, EmulatorFixture.Basic(EmulatorFixture.FullKey));
        r.Success.ShouldBeTrue();
    }

    [Theory]
    [InlineData("application.info", "applicationId", "application_not_found")]
    [InlineData("candidate.info", "id", "candidate_not_found")]
    [InlineData("job.info", "id", "job_not_found")]
    [InlineData("offer.info", "offerId", "offer_not_found")]
    [InlineData("jobPosting.info", "jobPostingId", "job_posting_not_found")]
    [InlineData("user.info", "userId", "user_not_found")]
    [InlineData("interviewStage.list", "interviewPlanId", "interview_plan_not_found")]
    public async Task Unknown_ids_answer_not_found_codes_on_http_200(string endpoint, string parameter, string code)
    {
        var r = await emulator.CallAsync(endpoint, $$"""{"{{parameter}}":"00000000-0000-4000-8000-000000000000"}""");
        ShouldBeFailureEnvelope(r, 200, code);
    }

    [Fact]
    public async Task An_unknown_endpoint_is_404_with_the_failure_envelope()
    {
        ShouldBeFailureEnvelope(await emulator.CallAsync("candidate.teleport"), 404, "endpoint_not_found");
    }

    [Fact]
    public async Task A_get_on_an_endpoint_is_405_with_allow_post()
    {
        var r = await emulator.SendAsync(HttpMethod.Get, "candidate.list", null, EmulatorFixture.Basic(EmulatorFixture.FullKey));
        ShouldBeFailureEnvelope(r, 405, "method_not_allowed");
        r.Message.Content.Headers.Allow.ShouldContain("POST");
    }
}
