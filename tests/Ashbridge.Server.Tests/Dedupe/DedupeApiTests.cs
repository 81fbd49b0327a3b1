using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Dedupe;

/// <summary>The duplicate check over HTTP against the demo connection's mirror: matches explained, bad input refused with what is wrong, access.</summary>
public sealed class DedupeApiTests : HubTest
{
    private const string Check = "/api/connections/demo/dedupe/check";

    [Fact]
    public async Task A_prospect_is_found_by_email_linkedin_and_name_with_its_reasons_strongest_first()
    {
        var known = await DedupeScenario.PrepareAsync(Hub, Ct);
        var prospect = new { firstName = known.FirstName.ToUpperInvariant(), lastName = known.LastName, emails = new List<string> { known.EmailAsTyped }, urls = new List<string> { known.LinkedInAsTyped } };

        // The index follows the pass that brought the candidates: ask until it has caught up.
        var answer = await Eventually.ValueAsync(
            async () => await (await Admin.PostAsJsonAsync(Check, prospect, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct),
            a => a.TryGetProperty("matches", out var m) && m.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "the demo's index");
        var matches = answer.GetProperty("matches").EnumerateArray().ToList();
        var first = matches[0];
        first.GetProperty("candidateId").GetString().ShouldBe(known.CandidateId);
        first.GetProperty("name").GetString().ShouldBe($"{known.FirstName} {known.LastName}");
        first.GetProperty("score").GetInt32().ShouldBe(100);
        first.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(
            [$"same LinkedIn (linkedin.com/in/{known.Slug})", $"same email ignoring dots and +tags ({known.Email.ToLowerInvariant()})", "same name"]);
        matches.Select(m => m.GetProperty("score").GetInt32()).ShouldBeInOrder(SortDirection.Descending);

        // Someone nobody knows.
        using var none = await Admin.PostAsJsonAsync(Check, new { firstName = "Zebediah", lastName = "Quuxworth", emails = new List<string> { "zq@nowhere.example" } }, Ct);
        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await none.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("matches").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Bad_prospects_get_a_problem_listing_what_is_wrong_and_malformed_bodies_a_400_never_a_500()
    {
        using (var nothing = await Admin.PostAsJsonAsync(Check, new { company = "Acme" }, Ct))
        {
            nothing.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var problem = await nothing.Content.ReadFromJsonAsync<JsonElement>(Ct);
            problem.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Give a first and last name, or at least one email, phone or URL: there is nothing to check."]);
        }

        using (var malformed = await Admin.PostAsJsonAsync(Check, new { firstName = "Jane", lastName = "Doe", emails = new List<string> { "jane@" }, phones = new List<string> { "call me" }, defaultRegion = "ZZ" }, Ct))
        {
            malformed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await malformed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldBe(
            [
                "'ZZ' is not a region code; use two letters such as US, GB or DE.",
                "'jane@' is not an email address.",
                "'call me' is not a phone number (read in region US when it has no country code).",
            ]);
        }

        foreach (var body in new List<string> { "{", "[]", "{\"emails\": \"jane@example.com\"}", "{\"firstName\": 7}", "{\"emails\": [1, 2]}", "" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Admin.PostAsync(new Uri(Check, UriKind.Relative), content, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        }

        using var unknown = await Admin.PostAsJsonAsync("/api/connections/nope/dedupe/check", new { emails = new List<string> { "a@b.example" } }, Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Viewers_may_check_strangers_may_not_and_the_check_is_in_the_openapi_document()
    {
        using var stranger = Hub.CreateAnonymousClient();
        (await stranger.PostAsJsonAsync(Check, new { emails = new List<string> { "a@b.example" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test", readOnly: true);
        (await viewer.PostAsJsonAsync(Check, new { emails = new List<string> { "a@b.example" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(await Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/connections/{name}/dedupe/check").GetProperty("post");
        operation.GetProperty("operationId").GetString().ShouldBe("CheckDuplicates");
        operation.GetProperty("responses").TryGetProperty("422", out _).ShouldBeTrue();
    }
}
