namespace Ashbridge.Emulator.Tests.Schema.Samples;

/// <summary>
/// Schema samples of the organisation area: departments, locations, users, hiring team roles, sources, source tracking
/// links, archive reasons, communication templates, the API key and webhook settings. Writes use departments, locations
/// and webhook settings created here, one per writing endpoint.
/// </summary>
public sealed class OrganizationSamples : ISchemaSamples
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    public async Task<IReadOnlyList<SchemaSample>> CreateAsync(EmulatorFixture emulator)
    {
        var departments = (await emulator.CallAsync("department.list", """{"includeArchived":true}""")).Results.Select(r => r!.AsObject()).ToList();
        var team = departments.First(d => d["parentId"] is not null);
        var locations = (await emulator.CallAsync("location.list", """{"includeLocationHierarchy":true,"includeArchived":true}""")).Results.Select(r => r!.AsObject()).ToList();
        var region = locations.First(l => l["type"]!.GetValue<string>() == "LocationHierarchy");
        var office = locations.First(l => l["type"]!.GetValue<string>() == "Location");
        var users = (await emulator.CallAsync("user.list", """{"includeDeactivated":true}""")).Results.Select(r => r!.AsObject()).ToList();
        var deactivated = users.First(u => !u["isEnabled"]!.GetValue<bool>());

        async Task<string> Department(string name, string? parentId = null) =>
            (await emulator.CallAsync("department.create", parentId is null ? $$"""{"name":"{{name}}"}""" : $$"""{"name":"{{name}}","parentId":"{{parentId}}"}""")).Result["id"]!.GetValue<string>();

        async Task<string> Office(string name) =>
            (await emulator.CallAsync("location.create", $$"""{"name":"{{name}}","type":"Location","parentLocationId":"{{region["id"]}}"}""")).Result["id"]!.GetValue<string>();

        // surveySubmit: a type the emulator never sends, so other areas' samples deliver nothing to these settings.
        var receiver = new Uri(emulator.Host.BaseUrl, "_emulator/nowhere").ToString();
        async Task<string> Webhook() =>
            (await emulator.CallAsync("webhook.create", $$"""{"webhookType":"surveySubmit","requestUrl":"{{receiver}}","secretToken":"schema-secret"}""")).Result["id"]!.GetValue<string>();

        var toArchive = await Department("Schema Archive");
        var toRestore = await Department("Schema Restore");
        (await emulator.CallAsync("department.archive", $$"""{"departmentId":"{{toRestore}}"}""")).Success.ShouldBeTrue();
        var moveParent = await Department("Schema Move Parent");
        var toMove = await Department("Schema Move", moveParent);
        var toUpdate = await Department("Schema Update");
        var officeToArchive = await Office("Schema Archive Office");
        var officeToRestore = await Office("Schema Restore Office");
        (await emulator.CallAsync("location.archive", $$"""{"locationId":"{{officeToRestore}}"}""")).Success.ShouldBeTrue();
        var officeToMove = await Office("Schema Move Office");
        var otherRegion = locations.Last(l => l["type"]!.GetValue<string>() == "LocationHierarchy" && l["isArchived"]!.GetValue<bool>() == false)["id"]!.GetValue<string>();
        var officeToEdit = await Office("Schema Edit Office");
        var webhook = await Webhook();
        var webhookToDelete = await Webhook();

        return
        [
            new("apiKey.info", "{}"),
            new("archiveReason.list", "{}"),
            new("archiveReason.list", """{"includeArchived":true}"""),
            new("communicationTemplate.list", "{}"),
            new("department.create", $$"""{"name":"Schema Create","externalName":"Schema (External)","parentId":"{{team["parentId"]}}","extraData":{"partner_id":"42"} }"""),
            new("department.create", """{"externalName":"No name"}""", ExpectSuccess: false),
            new("department.create", $$"""{"name":"Orphan","parentId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("department.archive", $$"""{"departmentId":"{{toArchive}}"}"""),
            new("department.archive", $$"""{"departmentId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("department.restore", $$"""{"departmentId":"{{toRestore}}"}"""),
            new("department.info", $$"""{"departmentId":"{{team["id"]}}"}"""),
            new("department.info", $$"""{"departmentId":"{{departments[0]["id"]}}"}"""),
            new("department.info", $$"""{"departmentId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("department.list", "{}"),
            new("department.list", """{"includeArchived":true,"limit":3}"""),
            new("department.move", $$"""{"departmentId":"{{toMove}}"}"""),
            new("department.move", $$"""{"departmentId":"{{moveParent}}","parentId":"{{moveParent}}"}""", ExpectSuccess: false),
            new("department.update", $$"""{"departmentId":"{{toUpdate}}","name":"Schema Updated","externalName":"Updated (External)","extraData":{"k":"v"} }"""),
            new("department.update", $$"""{"departmentId":"{{toUpdate}}"}""", ExpectSuccess: false),
            new("hiringTeamRole.list", "{}"),
            new("hiringTeamRole.list", """{"namesOnly":true}"""),
            new("hiringTeamRole.list", """{"namesOnly":false}"""),
            new("location.archive", $$"""{"locationId":"{{officeToArchive}}"}"""),
            new("location.create", """{"name":"Schema Region","type":"LocationHierarchy"}"""),
            new("location.create", $$"""{"name":"Schema Office","type":"Location","parentLocationId":"{{region["id"]}}","workplaceType":"Hybrid","externalName":"Schema HQ","address":{"postalAddress":{"addressCountry":"United States","addressLocality":"Chicago","postalCode":"60601"} },"extraData":{"site":"chi"} }"""),
            new("location.create", """{"name":"Typeless"}""", ExpectSuccess: false),
            new("location.create", $$"""{"name":"Under an office","type":"Location","parentLocationId":"{{office["id"]}}"}""", ExpectSuccess: false),
            new("location.info", $$"""{"locationId":"{{office["id"]}}"}"""),
            new("location.info", $$"""{"locationId":"{{region["id"]}}"}"""),
            new("location.info", $$"""{"locationId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("location.list", "{}"),
            new("location.list", """{"includeArchived":true,"includeLocationHierarchy":true,"limit":5}"""),
            new("location.move", $$"""{"locationId":"{{officeToMove}}","parentLocationHierarchyId":"{{otherRegion}}"}"""),
            new("location.move", $$"""{"locationId":"{{officeToMove}}","parentLocationHierarchyId":"{{office["id"]}}"}""", ExpectSuccess: false),
            new("location.restore", $$"""{"locationId":"{{officeToRestore}}"}"""),
            new("location.updateAddress", $$"""{"locationId":"{{officeToEdit}}","address":{"postalAddress":{"addressCountry":"Canada","addressRegion":"Quebec","addressLocality":"Montreal","postalCode":"H2Y 1C6","streetAddress":"1 Place Ville Marie"} } }"""),
            new("location.updateAddress", $$"""{"locationId":"{{officeToEdit}}"}""", ExpectSuccess: false),
            new("location.updateName", $$"""{"locationId":"{{officeToEdit}}","name":"Schema Renamed Office"}"""),
            new("location.updateExternalName", $$"""{"locationId":"{{officeToEdit}}","externalName":"Montreal"}"""),
            new("location.updateExternalName", $$"""{"locationId":"{{officeToEdit}}","name":"Not accepted here"}""", ExpectSuccess: false),
            new("location.updateWorkplaceType", $$"""{"locationId":"{{officeToEdit}}","workplaceType":"Remote"}"""),
            new("location.updateWorkplaceType", $$"""{"locationId":"{{region["id"]}}","workplaceType":"Remote"}""", ExpectSuccess: false),
            new("source.list", "{}"),
            new("source.list", """{"includeArchived":true}"""),
            new("sourceTrackingLink.list", "{}"),
            new("sourceTrackingLink.list", """{"includeDisabled":true,"limit":3}"""),
            new("user.info", $$"""{"userId":"{{users[0]["id"]}}"}"""),
            new("user.info", $$"""{"userId":"{{deactivated["id"]}}"}"""),
            new("user.info", $$"""{"userId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("user.list", "{}"),
            new("user.list", """{"includeDeactivated":true,"limit":10}"""),
            new("user.search", $$"""{"email":"{{users[1]["email"]}}"}"""),
            new("user.search", """{"email":"nobody@nowhere.test"}"""),
            new("user.search", "{}", ExpectSuccess: false),
            new("webhook.create", $$"""{"webhookType":"surveySubmit","requestUrl":"{{receiver}}","secretToken":"created-secret"}"""),
            new("webhook.create", """{"webhookType":"surveySubmit","requestUrl":"not a url","secretToken":"x"}""", ExpectSuccess: false),
            new("webhook.info", $$"""{"webhookId":"{{webhook}}"}"""),
            new("webhook.info", $$"""{"webhookId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("webhook.update", $$"""{"webhookId":"{{webhook}}","enabled":false}"""),
            new("webhook.update", $$"""{"webhookId":"{{webhook}}"}""", ExpectSuccess: false),
            new("webhook.delete", $$"""{"webhookId":"{{webhookToDelete}}"}"""),
            new("webhook.delete", $$"""{"webhookId":"{{Unknown}}"}""", ExpectSuccess: false),
        ];
    }
}
