using Ashbridge.Core.OrgChart;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.OrgChart;

/// <summary>Open roles in the chart on both databases: suggested from the hiring manager, an admin's placement kept, a filled role giving way to its member.</summary>
public sealed class RolePlacementTests
{
    private const string Admin = "admin@example.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_role_sits_under_its_hiring_manager_until_placed_and_the_placement_survives_later_imports(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        await chart.UserAsync("u-hm", "Hana@Example.com", "Hana", "Manager");
        (await chart.ImportAsync("name,email,department,manager_email\nOther Lead,lead@x.com,Eng,\n")).Imported.ShouldBeTrue();
        await chart.RoleAsync("post-1", "Backend Engineer", "job-1", "Engineering", hiringManagerEmail: "hana@example.com");
        await chart.RoleAsync("post-2", "Orphan Role", "job-2", "Engineering", hiringManagerEmail: "nobody@example.com");
        var hana = await chart.PersonAsync("hana@example.com");
        var lead = await chart.PersonAsync("lead@x.com");

        var view = (await chart.Placements.FindAsync(chart.ConnectionId, "post-1", Ct))!;
        (view.Placement.How, view.Manager!.Id, view.Suggested!.Id).ShouldBe((RolePlacement.Suggested, hana.Id, hana.Id));
        view.SuggestedWhy.ShouldContain("hiring manager");
        var node = await chart.NodeAsync("Backend Engineer");
        (node.Kind, node.Title, node.ParentId, node.Placement).ShouldBe((OrgChartNode.RoleKind, "Open role", $"p-{hana.Id}", RolePlacement.Suggested));
        var orphan = await chart.NodeAsync("Orphan Role");
        (orphan.ParentId, string.Join(' ', orphan.Flags)).ShouldBe((null, "no-manager"));

        // "Add manager": placed under another person, and kept when the importer updates the role's row.
        var placed = await chart.Placements.PlaceAsync(chart.ConnectionId, "post-1", lead.Id, Admin, Ct);
        (placed.Placement.How, placed.Manager!.Id, placed.Suggested!.Id).ShouldBe((RolePlacement.Placed, lead.Id, hana.Id));
        await chart.RoleAsync("post-1", "Senior Backend Engineer", "job-1", "Engineering", hiringManagerEmail: "hana@example.com");
        (await chart.NodeAsync("Senior Backend Engineer")).ParentId.ShouldBe($"p-{lead.Id}");

        // Closed and re-published: still placed.
        await chart.RoleAsync("post-1", "Senior Backend Engineer", "job-1", "Engineering", hiringManagerEmail: "hana@example.com", closed: true);
        (await chart.Builder.BuildAsync(cancellationToken: Ct)).Nodes.ShouldNotContain(n => n.PostingId == "post-1");
        await chart.RoleAsync("post-1", "Senior Backend Engineer", "job-1", "Engineering", hiringManagerEmail: "hana@example.com");
        (await chart.NodeAsync("Senior Backend Engineer")).Placement.ShouldBe(RolePlacement.Placed);

        // Cleared: back to the suggestion.
        (await chart.Placements.ClearAsync(chart.ConnectionId, "post-1", Admin, Ct)).Manager!.Id.ShouldBe(hana.Id);
        await Should.ThrowAsync<OrgChartNotFoundException>(() => chart.Placements.PlaceAsync(chart.ConnectionId, "no-such-posting", lead.Id, Admin, Ct));
        await Should.ThrowAsync<OrgChartNotFoundException>(() => chart.Placements.PlaceAsync(chart.ConnectionId, "post-1", 999_999, Admin, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_filled_role_becomes_the_member_under_the_same_manager(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        (await chart.ImportAsync("name,email\nMia Manager,mia@x.com\nPlaced Boss,boss@x.com\n")).Imported.ShouldBeTrue();
        await chart.RoleAsync("post-1", "Data Analyst", "job-1", "Data", hiringManagerEmail: "mia@x.com");
        await chart.RoleAsync("post-2", "Support Agent", "job-2", "Support", hiringManagerEmail: "mia@x.com", openOpenings: 3);
        var boss = await chart.PersonAsync("boss@x.com");
        await chart.Placements.PlaceAsync(chart.ConnectionId, "post-1", boss.Id, Admin, Ct);

        // Hired onto job-1 (its one opening filled) and onto job-2 (openings left).
        await OrgChartSeed.InsertApplicationAsync(chart.Database, chart.ConnectionId, "app-1", "job-1", Ct);
        await OrgChartSeed.UpsertOpenRoleAsync(chart.Database, chart.ConnectionId, "post-1", "Data Analyst", "job-1", "Data", "mia@x.com", "Mia", openOpenings: 0, cancellationToken: Ct);
        await chart.MemberAsync("Nia", "New", "nia@x.com", "Data Analyst", "Data", applicationId: "app-1");
        await OrgChartSeed.InsertApplicationAsync(chart.Database, chart.ConnectionId, "app-2", "job-2", Ct);
        await chart.MemberAsync("Sam", "Support", "sam@x.com", "Support Agent", "Support", applicationId: "app-2");

        var nodes = (await chart.Builder.BuildAsync(cancellationToken: Ct)).Nodes;
        nodes.ShouldNotContain(n => n.Name == "Data Analyst" && n.Kind == OrgChartNode.RoleKind); // the role gave way
        var nia = nodes.Single(n => n.Email == "nia@x.com");
        (nia.ParentId, nia.FilledRole, string.Join(' ', nia.Flags)).ShouldBe(($"p-{boss.Id}", "Data Analyst", "filled-role"));
        var mia = await chart.PersonAsync("mia@x.com");
        nodes.Single(n => n.Email == "sam@x.com").ParentId.ShouldBe($"p-{mia.Id}");
        nodes.Single(n => n.Name == "Support Agent" && n.Kind == OrgChartNode.RoleKind).ParentId.ShouldBe($"p-{mia.Id}"); // still hiring: the role stays
        (await chart.Placements.FindAsync(chart.ConnectionId, "post-1", Ct))!.FilledBy!.Email.ShouldBe("nia@x.com");

        // A manager set since is the admin's, not overwritten by the next refresh.
        var niaPerson = await chart.PersonAsync("nia@x.com");
        await chart.People.SetManagerAsync(niaPerson.Id, mia.Id, Admin, Ct);
        await chart.People.RefreshAsync(Ct);
        (await chart.PersonAsync("nia@x.com")).ManagerId.ShouldBe(mia.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_department_chart_keeps_the_managers_above_for_context_and_exports_as_csv_and_json(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        (await chart.ImportAsync("name,email,department,manager_email\nCeo,ceo@x.com,Leadership,\nEng Head,eng@x.com,Engineering,ceo@x.com\nSales Head,sales@x.com,Sales,ceo@x.com\n")).Imported.ShouldBeTrue();
        await chart.RoleAsync("post-1", "SRE", "job-1", "Engineering", hiringManagerEmail: "eng@x.com");

        var engineering = await chart.Builder.BuildAsync("engineering", cancellationToken: Ct);
        engineering.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal).ShouldBe(["Ceo", "Eng Head", "SRE"]);
        engineering.Nodes.Single(n => n.Name == "Ceo").Flags.ShouldBe(["outside-department"]);
        (engineering.People, engineering.Roles).ShouldBe((1, 1));
        engineering.Departments.ShouldBe(["Engineering", "Leadership", "Sales"]);

        var csv = new StringWriter();
        await OrgChartExport.WriteCsvAsync(engineering, csv, Ct);
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("id,kind,name,title,department,email,parent_id,manager_email,flags");
        lines.ShouldContain(l => l.Contains(",role,SRE,Open role,Engineering,,p-", StringComparison.Ordinal) && l.Contains(",eng@x.com,", StringComparison.Ordinal));
        using var json = new MemoryStream();
        await OrgChartExport.WriteJsonAsync(engineering, json, Ct);
        var parsed = System.Text.Json.JsonDocument.Parse(json.ToArray()).RootElement;
        parsed.GetProperty("nodes").GetArrayLength().ShouldBe(3);
        parsed.GetProperty("department").GetString().ShouldBe("engineering");
    }
}
