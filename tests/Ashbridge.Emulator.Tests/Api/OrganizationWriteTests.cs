using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>department.* and location.* writes: validation, permission, not-found, and visibility to later reads and incremental syncs.</summary>
public class OrganizationWriteTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    private static string Id(JsonNode? row) => row!["id"]!.GetValue<string>();

    private async Task<JsonObject> Ok(string endpoint, string body)
    {
        var r = await emulator.CallAsync(endpoint, body);
        r.Success.ShouldBeTrue($"{endpoint} {body} answered {r.Body.ToJsonString()}");
        return r.Result;
    }

    private async Task<string?> Error(string endpoint, string body, string key = EmulatorFixture.FullKey) => (await emulator.CallAsync(endpoint, body, key)).ErrorCode;

    private async Task<List<JsonObject>> Incremental(string endpoint, string token, string extra = "") =>
        (await emulator.ReadAllAsync(endpoint, $"\"syncToken\":\"{token}\"" + (extra.Length > 0 ? "," + extra : ""))).Rows;

    [Fact]
    public async Task A_created_department_is_visible_to_info_list_and_an_incremental_sync()
    {
        var (before, token) = await emulator.ReadAllAsync("department.list");
        var parent = before.First(d => d["parentId"] is null);
        var created = await Ok("department.create", $$"""{"name":"  Developer Relations ","externalName":"DevRel","parentId":"{{Id(parent)}}","extraData":{"erp_id":"D-17"} }""");
        created["name"]!.GetValue<string>().ShouldBe("Developer Relations");
        created["parentId"]!.GetValue<string>().ShouldBe(Id(parent));
        created["extraData"]!["erp_id"]!.GetValue<string>().ShouldBe("D-17");
        created["isArchived"]!.GetValue<bool>().ShouldBeFalse();
        created["createdAt"]!.GetValue<string>().ShouldBe("2026-11-23T09:00:00.000Z");

        (await Ok("department.info", $$"""{"departmentId":"{{Id(created)}}"}""")).ToJsonString().ShouldBe(created.ToJsonString());
        (await emulator.ReadAllAsync("department.list")).Rows.ShouldContain(d => Id(d) == Id(created));
        (await Incremental("department.list", token)).Select(Id).ShouldBe([Id(created)]);
    }

    [Fact]
    public async Task Department_create_validates_its_parameters_and_needs_organizationWrite()
    {
        var missing = await emulator.CallAsync("department.create", """{"externalName":"x"}""");
        missing.ErrorCode.ShouldBe("invalid_input");
        missing.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("name");
        (await Error("department.create", """{"name":"   "}""")).ShouldBe("invalid_input");
        (await emulator.CallAsync("department.create", """{"name":5}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("name");
        (await Error("department.create", """{"name":"X","parentId":"not-a-uuid"}""")).ShouldBe("invalid_input");
        (await Error("department.create", $$"""{"name":"X","parentId":"{{Unknown}}"}""")).ShouldBe("department_not_found");
        (await Error("department.create", """{"name":"X","extraData":{"n":5}}""")).ShouldBe("invalid_input");
        (await Error("department.create", $$"""{"name":"X","extraData":{"{{new string('k', 101)}}":"v"} }""")).ShouldBe("invalid_input");
        (await Error("department.create", $$"""{"name":"X","extraData":{"a":"{{new string('v', 500)}}","b":"{{new string('v', 500)}}","c":"{{new string('v', 100)}}"} }""")).ShouldBe("invalid_input");
        (await Error("department.create", """{"name":"X"}""", EmulatorFixture.NoFlagsKey)).ShouldBe("missing_endpoint_permission");
        (await Error("department.archive", $$"""{"departmentId":"{{Unknown}}"}""")).ShouldBe("department_not_found");
        (await Error("department.update", """{"departmentId":"nope","name":"X"}""")).ShouldBe("invalid_input");
    }

    [Fact]
    public async Task A_department_cannot_move_under_itself_or_its_own_teams_and_moves_to_the_top_without_a_parent()
    {
        var top = await Ok("department.create", """{"name":"Move Top"}""");
        var team = await Ok("department.create", $$"""{"name":"Move Team","parentId":"{{Id(top)}}"}""");
        var subteam = await Ok("department.create", $$"""{"name":"Move Subteam","parentId":"{{Id(team)}}"}""");
        var (_, token) = await emulator.ReadAllAsync("department.list");

        (await Error("department.move", $$"""{"departmentId":"{{Id(top)}}","parentId":"{{Id(subteam)}}"}""")).ShouldBe("invalid_input");
        (await Error("department.move", $$"""{"departmentId":"{{Id(top)}}","parentId":"{{Id(top)}}"}""")).ShouldBe("invalid_input");
        (await Error("department.move", $$"""{"departmentId":"{{Id(team)}}","parentId":"{{Unknown}}"}""")).ShouldBe("department_not_found");
        (await Error("department.move", $$"""{"departmentId":"{{Unknown}}"}""")).ShouldBe("department_not_found");
        (await Incremental("department.list", token)).ShouldBeEmpty();

        var moved = await Ok("department.move", $$"""{"departmentId":"{{Id(subteam)}}"}""");
        moved.ContainsKey("parentId").ShouldBeFalse();
        (await Ok("department.move", $$"""{"departmentId":"{{Id(top)}}","parentId":"{{Id(subteam)}}"}"""))["parentId"]!.GetValue<string>().ShouldBe(Id(subteam));
        (await Incremental("department.list", token)).Select(Id).Order().ShouldBe(new[] { Id(top), Id(subteam) }.Order());
        (await Ok("department.info", $$"""{"departmentId":"{{Id(top)}}"}"""))["parentId"]!.GetValue<string>().ShouldBe(Id(subteam));
    }

    [Fact]
    public async Task An_archived_department_leaves_the_default_list_reaches_an_incremental_sync_and_comes_back_when_restored()
    {
        var d = await Ok("department.create", """{"name":"Short-lived"}""");
        var (_, token) = await emulator.ReadAllAsync("department.list");
        (await Ok("department.archive", $$"""{"departmentId":"{{Id(d)}}"}"""))["isArchived"]!.GetValue<bool>().ShouldBeTrue();

        (await emulator.ReadAllAsync("department.list")).Rows.ShouldNotContain(r => Id(r) == Id(d));
        (await emulator.ReadAllAsync("department.list", "\"includeArchived\":true")).Rows.ShouldContain(r => Id(r) == Id(d));
        var changed = await Incremental("department.list", token);
        changed.Single()["isArchived"]!.GetValue<bool>().ShouldBeTrue();
        (await Error("department.create", $$"""{"name":"Under archived","parentId":"{{Id(d)}}"}""")).ShouldBe("invalid_input");

        (await Ok("department.restore", $$"""{"departmentId":"{{Id(d)}}"}"""))["isArchived"]!.GetValue<bool>().ShouldBeFalse();
        (await emulator.ReadAllAsync("department.list")).Rows.ShouldContain(r => Id(r) == Id(d));
    }

    [Fact]
    public async Task Department_update_sets_what_is_given_and_clears_the_external_name_with_an_empty_string()
    {
        var d = await Ok("department.create", """{"name":"Before","externalName":"Before (External)","extraData":{"a":"1"}}""");
        (await Error("department.update", $$"""{"departmentId":"{{Id(d)}}"}""")).ShouldBe("invalid_input");
        var renamed = await Ok("department.update", $$"""{"departmentId":"{{Id(d)}}","name":"After"}""");
        renamed["name"]!.GetValue<string>().ShouldBe("After");
        renamed["externalName"]!.GetValue<string>().ShouldBe("Before (External)");
        renamed["extraData"]!.ToJsonString().ShouldBe("""{"a":"1"}""");
        var cleared = await Ok("department.update", $$"""{"departmentId":"{{Id(d)}}","externalName":"","extraData":{"b":"2"} }""");
        cleared.ContainsKey("externalName").ShouldBeFalse();
        cleared["extraData"]!.ToJsonString().ShouldBe("""{"b":"2"}""");
        DateTimeOffset.Parse(cleared["updatedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(EmulatorFixture.Start);
    }

    [Fact]
    public async Task A_created_location_sits_under_a_hierarchy_and_is_visible_to_info_list_and_an_incremental_sync()
    {
        var (all, token) = await emulator.ReadAllAsync("location.list", "\"includeLocationHierarchy\":true");
        var region = all.First(l => l["type"]!.GetValue<string>() == "LocationHierarchy");
        var office = all.First(l => l["type"]!.GetValue<string>() == "Location");

        var created = await Ok("location.create", $$"""{"name":"Chicago","type":"Location","parentLocationId":"{{Id(region)}}","isRemote":true,"address":{"postalAddress":{"addressLocality":"Chicago","addressCountry":"United States"} } }""");
        created["workplaceType"]!.GetValue<string>().ShouldBe("Remote");
        created["isRemote"]!.GetValue<bool>().ShouldBeTrue();
        created["parentLocationId"]!.GetValue<string>().ShouldBe(Id(region));
        created["address"]!["postalAddress"]!.ToJsonString().ShouldBe("""{"addressCountry":"United States","addressLocality":"Chicago"}""");
        var onsite = await Ok("location.create", """{"name":"Plain office","type":"Location"}""");
        onsite["workplaceType"]!.GetValue<string>().ShouldBe("OnSite");
        onsite.ContainsKey("parentLocationId").ShouldBeFalse();
        var hierarchy = await Ok("location.create", """{"name":"LATAM","type":"LocationHierarchy","workplaceType":"Hybrid"}""");
        hierarchy.ContainsKey("workplaceType").ShouldBeFalse();

        (await Ok("location.info", $$"""{"locationId":"{{Id(created)}}"}""")).ToJsonString().ShouldBe(created.ToJsonString());
        (await emulator.ReadAllAsync("location.list")).Rows.Select(Id).ShouldNotContain(Id(hierarchy));
        (await Incremental("location.list", token, "\"includeLocationHierarchy\":true")).Select(Id).ShouldBe([Id(created), Id(onsite), Id(hierarchy)]);

        (await Error("location.create", """{"name":"X"}""")).ShouldBe("invalid_input");
        (await Error("location.create", """{"name":"X","type":"Office"}""")).ShouldBe("invalid_input");
        (await Error("location.create", """{"name":"X","type":"Location","workplaceType":"Moon"}""")).ShouldBe("invalid_input");
        (await Error("location.create", $$"""{"name":"X","type":"Location","parentLocationId":"{{Id(office)}}"}""")).ShouldBe("invalid_input");
        (await Error("location.create", $$"""{"name":"X","type":"Location","parentLocationId":"{{Unknown}}"}""")).ShouldBe("location_not_found");
        (await emulator.CallAsync("location.create", """{"name":"X","type":"Location","address":"Main Street"}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("address");
        (await Error("location.create", """{"name":"X","type":"Location"}""", EmulatorFixture.NoFlagsKey)).ShouldBe("missing_endpoint_permission");
    }

    [Fact]
    public async Task A_location_moves_only_under_a_hierarchy_and_never_into_a_cycle()
    {
        var outer = await Ok("location.create", """{"name":"Outer","type":"LocationHierarchy"}""");
        var inner = await Ok("location.create", $$"""{"name":"Inner","type":"LocationHierarchy","parentLocationId":"{{Id(outer)}}"}""");
        var office = await Ok("location.create", $$"""{"name":"Inner office","type":"Location","parentLocationId":"{{Id(inner)}}"}""");
        var (_, token) = await emulator.ReadAllAsync("location.list", "\"includeLocationHierarchy\":true");

        (await Error("location.move", $$"""{"locationId":"{{Id(outer)}}","parentLocationHierarchyId":"{{Id(inner)}}"}""")).ShouldBe("invalid_input");
        (await Error("location.move", $$"""{"locationId":"{{Id(outer)}}","parentLocationHierarchyId":"{{Id(outer)}}"}""")).ShouldBe("invalid_input");
        (await Error("location.move", $$"""{"locationId":"{{Id(inner)}}","parentLocationHierarchyId":"{{Id(office)}}"}""")).ShouldBe("invalid_input");
        (await Error("location.move", $$"""{"locationId":"{{Id(inner)}}"}""")).ShouldBe("invalid_input");
        (await Error("location.move", $$"""{"locationId":"{{Unknown}}","parentLocationHierarchyId":"{{Id(outer)}}"}""")).ShouldBe("location_not_found");

        (await Ok("location.move", $$"""{"locationId":"{{Id(office)}}","parentLocationHierarchyId":"{{Id(outer)}}"}"""))["parentLocationId"]!.GetValue<string>().ShouldBe(Id(outer));
        (await Incremental("location.list", token, "\"includeLocationHierarchy\":true")).Select(Id).ShouldBe([Id(office)]);
    }

    [Fact]
    public async Task Location_updates_change_one_field_each_and_validate_it()
    {
        var region = await Ok("location.create", """{"name":"Edit region","type":"LocationHierarchy"}""");
        var l = await Ok("location.create", $$"""{"name":"Edit me","type":"Location","parentLocationId":"{{Id(region)}}","externalName":"Old"}""");
        var body = $$"""{"locationId":"{{Id(l)}}",""";

        (await Ok("location.updateName", body + "\"name\":\"Edited\"}"))["name"]!.GetValue<string>().ShouldBe("Edited");
        (await Error("location.updateName", body + "\"name\":\"\"}")).ShouldBe("invalid_input");
        (await Ok("location.updateExternalName", body + "\"externalName\":\"New\"}"))["externalName"]!.GetValue<string>().ShouldBe("New");
        (await Ok("location.updateExternalName", $$"""{"locationId":"{{Id(l)}}"}""")).ContainsKey("externalName").ShouldBeFalse();
        (await Error("location.updateExternalName", body + "\"name\":\"X\"}")).ShouldBe("invalid_input");
        (await Ok("location.updateWorkplaceType", body + "\"workplaceType\":\"Hybrid\"}"))["workplaceType"]!.GetValue<string>().ShouldBe("Hybrid");
        (await Error("location.updateWorkplaceType", body + "\"workplaceType\":\"Moon\"}")).ShouldBe("invalid_input");
        (await Error("location.updateWorkplaceType", $$"""{"locationId":"{{Id(l)}}"}""")).ShouldBe("invalid_input");
        (await Error("location.updateWorkplaceType", $$"""{"locationId":"{{Id(region)}}","workplaceType":"Remote"}""")).ShouldBe("invalid_input");
        var addressed = await Ok("location.updateAddress", $$"""{"locationId":"{{Id(l)}}","address":{"postalAddress":{"addressCountry":"Japan","addressLocality":"Tokyo"} } }""");
        addressed["address"]!["postalAddress"]!.ToJsonString().ShouldBe("""{"addressCountry":"Japan","addressLocality":"Tokyo"}""");
        (await Error("location.updateAddress", $$"""{"locationId":"{{Id(l)}}"}""")).ShouldBe("invalid_input");

        var info = await Ok("location.info", $$"""{"locationId":"{{Id(l)}}"}""");
        info["name"]!.GetValue<string>().ShouldBe("Edited");
        info["workplaceType"]!.GetValue<string>().ShouldBe("Hybrid");
        info["address"]!["postalAddress"]!["addressLocality"]!.GetValue<string>().ShouldBe("Tokyo");
    }

    [Fact]
    public async Task An_archived_location_leaves_the_default_list_reaches_an_incremental_sync_and_comes_back_when_restored()
    {
        var l = await Ok("location.create", """{"name":"Pop-up","type":"Location"}""");
        var (_, token) = await emulator.ReadAllAsync("location.list");
        (await Ok("location.archive", $$"""{"locationId":"{{Id(l)}}"}"""))["isArchived"]!.GetValue<bool>().ShouldBeTrue();
        (await emulator.ReadAllAsync("location.list")).Rows.ShouldNotContain(r => Id(r) == Id(l));
        (await emulator.ReadAllAsync("location.list", "\"includeArchived\":true")).Rows.ShouldContain(r => Id(r) == Id(l));
        (await Incremental("location.list", token)).Single()["isArchived"]!.GetValue<bool>().ShouldBeTrue();
        (await Ok("location.restore", $$"""{"locationId":"{{Id(l)}}"}"""))["isArchived"]!.GetValue<bool>().ShouldBeFalse();
        (await emulator.ReadAllAsync("location.list")).Rows.ShouldContain(r => Id(r) == Id(l));
        (await Error("location.restore", $$"""{"locationId":"{{Unknown}}"}""")).ShouldBe("location_not_found");
    }
}
