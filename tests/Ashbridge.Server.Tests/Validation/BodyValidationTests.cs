using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Validation;

/// <summary>
/// Input is checked at the edge: each defect the probe found (issue 21), and each way a body can fail to bind, is a 4xx
/// problem that says what is wrong and changes nothing.
/// </summary>
public sealed class BodyValidationTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("not a url")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://x/")]
    public async Task A_connection_base_url_that_is_not_absolute_http_is_a_400_naming_the_field_and_stores_nothing(string baseUrl)
    {
        using var response = await Admin.PostAsJsonAsync("/api/connections", new { name = "elsewhere", apiKey = ashby.ApiKey, baseUrl }, Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("baseUrl");
        problem.GetProperty("detail").GetString()!.ShouldContain("http or https");
        var names = (await Admin.GetFromJsonAsync<JsonElement>("/api/connections", Ct)).EnumerateArray().Select(c => c.GetProperty("connection").GetProperty("name").GetString());
        names.ShouldNotContain("elsewhere");
    }

    [Fact]
    public async Task A_null_custom_mapping_is_a_400_that_says_which_and_the_mapping_is_kept()
    {
        var before = await SettingsAsync();

        using var response = await Admin.PutAsync(new Uri("/api/connections/demo/new-hires/mapping", UriKind.Relative),
            Json("""{"disabledFields":[],"customMappings":[null],"compensationTypes":[null]}"""), Ct);

        var detail = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        detail.ShouldContain("Custom mapping 1 is empty");
        detail.ShouldContain("Compensation type 1 is empty");
        (await SettingsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"99\"")]
    [InlineData("\"sometimes\"")]
    public async Task A_sync_mode_that_is_not_a_name_is_a_400_listing_the_names(string mode)
    {
        using var response = await Admin.PostAsync(new Uri("/api/connections/demo/sync", UriKind.Relative), Json($$"""{"mode":{{mode}}}"""), Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldStartWith("'mode' must be one of: incremental, full.");
    }

    [Theory]
    [InlineData("7")]
    [InlineData("\"admin, viewer\"")]
    public async Task A_role_that_is_not_one_name_is_a_400_and_no_user_is_made(string role)
    {
        using var response = await Admin.PostAsync(new Uri("/api/users", UriKind.Relative),
            Json($$"""{"email":"seven@hub.test","password":"a long enough password","role":{{role}}}"""), Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldStartWith("'role' must be one of: viewer, admin, finance.");
        (await Admin.GetStringAsync(new Uri("/api/users", UriKind.Relative), Ct)).ShouldNotContain("seven@hub.test");
    }

    [Theory]
    [InlineData("""{"name":"acme","apiKey":""", "application/json", HttpStatusCode.BadRequest, "an open JSON object or array")]
    [InlineData("""{"name":5}""", "application/json", HttpStatusCode.BadRequest, "'name' must be text.")]
    [InlineData("""{"name":"acme","baseUrl":[]}""", "application/json", HttpStatusCode.BadRequest, "'baseUrl' must be a URL")]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest, "The body must be a JSON object.")]
    [InlineData("", "application/json", HttpStatusCode.BadRequest, "This request takes a JSON object as its body.")]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest, "This request takes a JSON object as its body.")]
    [InlineData("""{"name":"acme"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json")]
    [InlineData("""{"name":"acme"}""", "application/json; charset=bogus", HttpStatusCode.UnsupportedMediaType, "'bogus' is not a character set")]
    public async Task A_body_that_cannot_be_bound_is_a_4xx_problem_that_names_the_problem(string body, string contentType, HttpStatusCode expected, string says)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await Admin.PostAsync(new Uri("/api/connections", UriKind.Relative), content, Ct);

        (await ProblemAsync(response, expected)).GetProperty("detail").GetString()!.ShouldContain(says);
    }

    [Fact]
    public async Task Invalid_utf8_and_a_body_over_the_limit_are_problems_too()
    {
        using var utf8 = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"name\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")]);
        utf8.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var invalid = await Admin.PostAsync(new Uri("/api/connections", UriKind.Relative), utf8, Ct);
        (await ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("title").GetString().ShouldBe("The body is not valid UTF-8");

        // Sent after the hub's go-ahead (Expect: 100-continue), so the 413 is read rather than the send cut short.
        using var large = new HttpRequestMessage(HttpMethod.Post, "/api/connections/demo/webhooks/replay")
        {
            Content = Json($$"""{"eventId":"{{new string('9', 1_100_000)}}"}"""),
            Headers = { ExpectContinue = true },
        };
        using var tooLarge = await Admin.SendAsync(large, Ct);
        (await ProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain("1 MB");
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_is_a_400_naming_it()
    {
        using var response = await Admin.GetAsync(new Uri("/api/connections/demo/runs?limit=many", UriKind.Relative), Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldStartWith("'many' is not a valid limit.");
    }

    [Fact]
    public async Task The_new_hire_state_is_read_as_the_document_spells_it_and_an_unknown_one_is_named()
    {
        (await Admin.GetAsync(new Uri("/api/connections/demo/new-hires?state=pending", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.GetAsync(new Uri("/api/connections/demo/new-hires?state=Added", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await Admin.GetAsync(new Uri("/api/connections/demo/new-hires?state=1", UriKind.Relative), Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe("'1' is not a state; use pending, added or deleted.");
    }

    [Fact]
    public async Task A_refusal_from_a_store_carries_no_dotnet_parameter_name()
    {
        using var response = await Admin.PostAsync(new Uri("/api/tokens", UriKind.Relative), Json("{}"), Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe("Give the token a name that says what uses it.");
    }

    [Fact]
    public async Task A_token_for_a_user_that_is_not_an_email_is_a_400_naming_it_and_no_token_is_made()
    {
        using var response = await Admin.PostAsync(new Uri("/api/tokens", UriKind.Relative), Json("""{"name":"nightly","user":"not-an-email"}"""), Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("not-an-email");
        (await Admin.GetStringAsync(new Uri("/api/tokens", UriKind.Relative), Ct)).ShouldNotContain("nightly");
    }

    private async Task<string> SettingsAsync() =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/new-hires/mapping", Ct)).GetProperty("settings").GetRawText();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The answer as a problem: the status expected, a problem+json body with a title and a detail free of .NET's words.</summary>
    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace(body);
        var detail = problem.GetProperty("detail").GetString();
        detail.ShouldNotBeNullOrWhiteSpace(body);
        detail.ShouldNotContain("(Parameter '", Case.Sensitive, body);
        detail.ShouldNotContain("System.", Case.Sensitive, body);
        return problem;
    }
}
