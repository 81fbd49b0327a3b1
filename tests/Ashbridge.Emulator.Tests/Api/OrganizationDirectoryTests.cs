using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>
/// The user directory (user.list/info/search), communication templates, source tracking links, and which optional
/// fields of users, departments and locations are left out rather than null.
/// </summary>
public class OrganizationDirectoryTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    private static string Id(JsonNode? row) => row!["id"]!.GetValue<string>();

    private static void HasNoNulls(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                throw new ShouldAssertException($"{path} is null");
            case JsonObject o:
                foreach (var (key, value) in o) HasNoNulls(value, path + "." + key);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) HasNoNulls(a[i], $"{path}[{i}]");
                break;
        }
    }

    [Fact]
    public async Task Users_departments_and_locations_leave_unset_optional_fields_out_instead_of_writing_null()
    {
        var users = (await emulator.ReadAllAsync("user.list", "\"includeDeactivated\":true")).Rows;
        foreach (var u in users) HasNoNulls(u, "user " + Id(u));
        users.ShouldContain(u => !u.ContainsKey("managerId"));
        users.ShouldContain(u => u.ContainsKey("managerId"));
        foreach (var d in (await emulator.ReadAllAsync("department.list", "\"includeArchived\":true")).Rows) HasNoNulls(d, "department " + Id(d));
        var locations = (await emulator.ReadAllAsync("location.list", "\"includeArchived\":true,\"includeLocationHierarchy\":true")).Rows;
        foreach (var l in locations) HasNoNulls(l, "location " + Id(l));
        var region = locations.First(l => l["type"]!.GetValue<string>() == "LocationHierarchy");
        region.ContainsKey("address").ShouldBeFalse();
        region.ContainsKey("workplaceType").ShouldBeFalse();
        var top = users.First(u => !u.ContainsKey("managerId"));
        (await emulator.CallAsync("user.info", $$"""{"userId":"{{Id(top)}}"}""")).Result.ContainsKey("managerId").ShouldBeFalse();
    }

    [Fact]
    public async Task User_list_hides_deactivated_users_unless_asked_and_accepts_null_cursor_and_sync_token()
    {
        var all = (await emulator.ReadAllAsync("user.list", "\"includeDeactivated\":true")).Rows;
        var enabled = (await emulator.ReadAllAsync("user.list")).Rows;
        enabled.ShouldAllBe(u => u["isEnabled"]!.GetValue<bool>());
        enabled.Select(Id).ShouldBe(all.Where(u => u["isEnabled"]!.GetValue<bool>()).Select(Id));
        all.Count.ShouldBeGreaterThan(enabled.Count);

        // Ashby's changelog, 2026-04-02: user.list accepts null for cursor and syncToken (a first page).
        var nulls = await emulator.CallAsync("user.list", """{"cursor":null,"syncToken":null,"limit":5}""");
        nulls.Success.ShouldBeTrue(nulls.Body.ToJsonString());
        nulls.Results.Select(Id).ShouldBe(enabled.Take(5).Select(Id));
        (await emulator.CallAsync("user.list", """{"includeDeactivated":"yes"}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("includeDeactivated");
        (await emulator.CallAsync("user.list", "{}", EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }

    [Fact]
    public async Task A_deactivation_and_a_reactivation_reach_an_incremental_user_sync()
    {
        var (users, token) = await emulator.ReadAllAsync("user.list");
        var user = Id(users[^1]);
        (await emulator.ControlAsync($"users/{user}/deactivate")).Status.ShouldBe(200);
        (await emulator.ReadAllAsync("user.list")).Rows.Select(Id).ShouldNotContain(user);
        var (changed, next) = await emulator.ReadAllAsync("user.list", $"\"syncToken\":\"{token}\"");
        changed.Single()["isEnabled"]!.GetValue<bool>().ShouldBeFalse();
        (await emulator.CallAsync("user.info", $$"""{"userId":"{{user}}"}""")).Result["isEnabled"]!.GetValue<bool>().ShouldBeFalse();

        (await emulator.ControlAsync($"users/{user}/reactivate")).Status.ShouldBe(200);
        (await emulator.ReadAllAsync("user.list", $"\"syncToken\":\"{next}\"")).Rows.Single()["isEnabled"]!.GetValue<bool>().ShouldBeTrue();
        (await emulator.ReadAllAsync("user.list")).Rows.Select(Id).ShouldContain(user);
        (await emulator.ControlAsync($"users/{Unknown}/reactivate")).Status.ShouldBe(404);
    }

    [Fact]
    public async Task Users_added_and_edited_through_the_control_api_reach_list_search_info_and_an_incremental_sync()
    {
        var (users, token) = await emulator.ReadAllAsync("user.list");
        var manager = Id(users[0]);
        var created = await emulator.ControlAsync("users", $$"""{"firstName":"Ada","lastName":"Quill","email":"ada.quill@northwind-labs.com","globalRole":"Elevated Access","managerId":"{{manager}}"}""");
        created.Status.ShouldBe(200, created.Body.ToJsonString());
        var id = Id(created.Body);
        created.Body["managerId"]!.GetValue<string>().ShouldBe(manager);
        created.Body["globalRole"]!.GetValue<string>().ShouldBe("Elevated Access");

        (await emulator.CallAsync("user.search", """{"email":"Ada.Quill@northwind-labs.com"}""")).Results.Select(Id).ShouldBe([id]);
        (await emulator.ReadAllAsync("user.list")).Rows.Select(Id).ShouldContain(id);
        var (changed, next) = await emulator.ReadAllAsync("user.list", $"\"syncToken\":\"{token}\"");
        changed.Select(Id).ShouldBe([id]);

        (await emulator.ControlAsync("users", $$"""{"firstName":"Dup","lastName":"Licate","email":"ADA.QUILL@northwind-labs.com"}""")).Status.ShouldBe(409);
        (await emulator.ControlAsync($"users/{id}/edit", $$"""{"managerId":"{{id}}"}""")).Status.ShouldBe(400);
        var edited = await emulator.ControlAsync($"users/{id}/edit", """{"email":"ada@northwind-labs.com","managerId":null}""");
        edited.Status.ShouldBe(200, edited.Body.ToJsonString());
        edited.Body.AsObject().ContainsKey("managerId").ShouldBeFalse();
        (await emulator.CallAsync("user.search", """{"email":"ada.quill@northwind-labs.com"}""")).Results.ShouldBeEmpty();
        (await emulator.CallAsync("user.search", """{"email":"ada@northwind-labs.com"}""")).Results.Select(Id).ShouldBe([id]);
        (await emulator.CallAsync("user.info", $$"""{"userId":"{{id}}"}""")).Result["email"]!.GetValue<string>().ShouldBe("ada@northwind-labs.com");
        (await emulator.ReadAllAsync("user.list", $"\"syncToken\":\"{next}\"")).Rows.Select(Id).ShouldBe([id]);
    }

    [Fact]
    public async Task User_search_matches_the_whole_address_case_insensitively_deactivated_users_included()
    {
        var users = (await emulator.ReadAllAsync("user.list", "\"includeDeactivated\":true")).Rows;
        var deactivated = users.First(u => !u["isEnabled"]!.GetValue<bool>());
        var email = deactivated["email"]!.GetValue<string>();

        var found = await emulator.CallAsync("user.search", $$"""{"email":" {{email.ToUpperInvariant()}} "}""");
        found.Results.Select(Id).ShouldBe([Id(deactivated)]);
        found.Results[0]!.ToJsonString().ShouldBe(deactivated.ToJsonString());
        (await emulator.CallAsync("user.search", $$"""{"email":"{{email[..^4]}}"}""")).Results.ShouldBeEmpty();
        (await emulator.CallAsync("user.search", $$"""{"email":"{{email.Split('@')[0]}}"}""")).Results.ShouldBeEmpty();

        var missing = await emulator.CallAsync("user.search", "{}");
        missing.ErrorCode.ShouldBe("invalid_input");
        missing.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("email");
        (await emulator.CallAsync("user.search", """{"email":42}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("email");
    }

    [Fact]
    public async Task User_info_answers_the_same_object_as_the_list_and_names_what_is_wrong()
    {
        var user = (await emulator.CallAsync("user.list", """{"limit":3}""")).Results[2]!;
        (await emulator.CallAsync("user.info", $$"""{"userId":"{{Id(user)}}"}""")).Result.ToJsonString().ShouldBe(user.ToJsonString());
        (await emulator.CallAsync("user.info", $$"""{"userId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("user_not_found");
        (await emulator.CallAsync("user.info", """{"userId":"someone"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("user.info", "{}")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("userId");
    }

    [Fact]
    public async Task Communication_templates_list_the_enabled_ones_with_their_intended_types()
    {
        var r = await emulator.CallAsync("communicationTemplate.list");
        r.Success.ShouldBeTrue(r.Body.ToJsonString());
        r.Body.AsObject().ContainsKey("moreDataAvailable").ShouldBeFalse();
        var templates = r.Results.Select(t => t!.AsObject()).ToList();
        templates.Count.ShouldBe(13);
        templates.Select(t => t["title"]!.GetValue<string>()).ShouldNotContain("Old Rejection (2023)");
        templates.ShouldContain(t => t["intendedTypes"]!.ToJsonString() == """["email","inMail"]""");
        templates.ShouldContain(t => t["intendedTypes"]!.ToJsonString() == """["linkedInConnection"]""");
        foreach (var t in templates) t.Select(p => p.Key).Order().ShouldBe(["createdAt", "id", "intendedTypes", "title", "updatedAt"]);
        (await emulator.CallAsync("communicationTemplate.list", "{}", EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }

    [Fact]
    public async Task Source_tracking_links_credit_listed_sources_hide_disabled_links_and_page()
    {
        var sources = (await emulator.CallAsync("source.list", """{"includeArchived":true}""")).Results.Select(Id).ToHashSet();
        var enabled = (await emulator.CallAsync("sourceTrackingLink.list")).Results.Select(l => l!.AsObject()).ToList();
        var everything = await emulator.CallAsync("sourceTrackingLink.list", """{"includeDisabled":true}""");
        everything.Body.AsObject().ContainsKey("syncToken").ShouldBeFalse();
        var all = everything.Results.Select(l => l!.AsObject()).ToList();

        enabled.ShouldAllBe(l => l["enabled"]!.GetValue<bool>());
        all.Count.ShouldBe(10);
        all.Count(l => !l["enabled"]!.GetValue<bool>()).ShouldBe(2);
        enabled.Select(Id).ShouldBe(all.Where(l => l["enabled"]!.GetValue<bool>()).Select(Id));
        foreach (var l in all)
        {
            sources.ShouldContain(l["sourceId"]!.GetValue<string>());
            l["link"]!.GetValue<string>().ShouldBe("https://jobs.ashbyhq.com/northwind-labs?utm_source=" + l["code"]!.GetValue<string>());
        }

        var paged = new List<string>();
        var page = await emulator.CallAsync("sourceTrackingLink.list", """{"includeDisabled":true,"limit":3}""");
        for (var pages = 1; ; pages++)
        {
            paged.AddRange(page.Results.Select(Id));
            if (!page.Body["moreDataAvailable"]!.GetValue<bool>()) break;
            pages.ShouldBeLessThan(10);
            page = await emulator.CallAsync("sourceTrackingLink.list", $$"""{"includeDisabled":true,"limit":3,"cursor":"{{page.Body["nextCursor"]}}"}""");
        }

        paged.ShouldBe(all.Select(Id));
        (await emulator.CallAsync("sourceTrackingLink.list", "{}", EmulatorFixture.CandidatesOnlyKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
    }

    private sealed class OtherSeed(int seed) : EmulatorFixture
    {
        protected override int Seed => seed;
    }

    [Theory]
    [InlineData("communicationTemplate.list", """{}""")]
    [InlineData("sourceTrackingLink.list", """{"includeDisabled":true}""")]
    public async Task The_generated_templates_and_links_are_the_same_for_a_seed_and_differ_for_another(string endpoint, string body)
    {
        async Task<string> Answer(int seed)
        {
            await using var fixture = new OtherSeed(seed);
            await fixture.InitializeAsync();
            var r = await fixture.CallAsync(endpoint, body);
            return r.Results.ToJsonString();
        }

        var first = await Answer(42);
        (await Answer(42)).ShouldBe(first);
        (await Answer(43)).ShouldNotBe(first);
    }
}
