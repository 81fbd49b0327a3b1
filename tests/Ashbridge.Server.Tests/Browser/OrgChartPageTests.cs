using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Server.Tests.OrgChart;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The org chart pages in a real browser: "Add manager" places a role, the drawn chart finds it under that manager, and
/// every control of the chart (fold, zoom buttons, wheel, drag, expand and collapse all, department filter, search,
/// exports) and of the people import (dry run, a refused file, the import) is used.
/// </summary>
public sealed partial class OrgChartPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    private const string People = """
        name,email,title,department,manager_email
        Mira Ceo,mira@x.com,CEO,Leadership,
        Eve Eng,eve@x.com,Head of Engineering,Engineering,mira@x.com
        Dan Dev,dan@x.com,Engineer,Engineering,eve@x.com
        Sal Sales,sal@x.com,Head of Sales,Sales,mira@x.com
        """;

    [GeneratedRegex(@"translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)")]
    private static partial Regex Transform();

    [GeneratedRegex("department=Engineering")]
    private static partial Regex EngineeringOnly();

    private async Task<(double X, double Y, double K)> ViewAsync()
    {
        var match = Transform().Match(await Page.Locator(".org-stage").GetAttributeAsync("transform") ?? "");
        match.Success.ShouldBeTrue("the stage has a transform");
        double Number(int i) => double.Parse(match.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Number(1), Number(2), Number(3));
    }

    [Fact]
    public async Task A_role_placed_with_add_manager_is_found_in_the_drawn_chart_under_that_manager()
    {
        var acme = await OrgChartHubSeed.ConnectionAsync(Hub);
        using var admin = Hub.CreateClient();
        (await admin.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), new StringContent(People, Encoding.UTF8, "text/csv"), Ct)).EnsureSuccessStatusCode();
        await OrgChartHubSeed.RoleAsync(Hub, acme, "post-1", "Platform Engineer", "Engineering", "eve@x.com");
        var chart = await admin.GetFromJsonAsync<JsonElement>("/api/org-chart", Ct);
        var mira = chart.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("email").GetString() == "mira@x.com").GetProperty("id").GetString();

        // "Add manager": the suggestion (the job's hiring manager) and why, then another person chosen.
        await Page.GotoAsync("/org-chart/place?connection=acme&posting=post-1");
        await Expect(Page.Locator("h1")).ToContainTextAsync("Add manager: Platform Engineer");
        await Expect(Page.Locator("#current-manager")).ToContainTextAsync("Eve Eng");
        await Expect(Page.Locator("#current-manager")).ToContainTextAsync("Suggested");
        await Expect(Page.Locator("#suggestion")).ToContainTextAsync("hiring manager");
        await AssertPageIsCleanAsync();
        await Page.GetByLabel("Reports to").FillAsync("nobody@x.com");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("#manager-error")).ToContainTextAsync("Nobody in the chart has the e-mail address nobody@x.com");
        await Expect(Page.GetByLabel("Reports to")).ToHaveValueAsync("nobody@x.com"); // kept
        await Page.Locator("#fill-suggestion").ClickAsync();
        await Expect(Page.GetByLabel("Reports to")).ToHaveValueAsync("eve@x.com");
        await Page.GetByLabel("Reports to").FillAsync("mira@x.com");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Platform Engineer now sits under Mira Ceo");
        await Expect(Page.Locator("#current-manager")).ToContainTextAsync("Mira Ceo");
        await Expect(Page.Locator("#current-manager")).ToContainTextAsync("Placed");
        await AssertPageIsCleanAsync();

        // In the chart: found by the link's search, drawn as an open role under Mira.
        await Page.Locator("#see-in-chart").ClickAsync();
        var role = Page.Locator("g.node.role[data-id='r-" + acme + "-post-1']");
        await Expect(role).ToHaveClassAsync(new Regex("\\bhit\\b"));
        await Expect(role).ToHaveAttributeAsync("data-parent", mira!);
        await Expect(Page.Locator($"g.node.person[data-id='{mira}']")).ToBeVisibleAsync();
        await Expect(Page.Locator("#org-status")).ToContainTextAsync("Found Platform Engineer (open role), under Mira Ceo");
        await Expect(role).ToContainTextAsync("Open role");
        await AssertPageIsCleanAsync();

        // The search box, by e-mail: Dan is revealed under Eve.
        await Page.GetByLabel("Find a person or role").FillAsync("DAN@x");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#org-status")).ToContainTextAsync("Found Dan Dev, under Eve Eng");
        await Expect(Page.Locator("g.node.hit")).ToHaveAttributeAsync("data-parent", chart.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("email").GetString() == "eve@x.com").GetProperty("id").GetString()!);
        await Page.GetByLabel("Find a person or role").FillAsync("no such person");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#org-status")).ToContainTextAsync("Nobody and no role matches");

        // Fold and unfold Mira's team (click and keyboard).
        var miraNode = Page.Locator($"g.node[data-id='{mira}']");
        await miraNode.ClickAsync();
        await Expect(Page.Locator($"g.node[data-id='{mira}']")).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(role).ToHaveCountAsync(0);
        await Page.Locator($"g.node[data-id='{mira}']").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator($"g.node[data-id='{mira}']")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(role).ToHaveCountAsync(1);

        // Zoom by the buttons, by the wheel, and pan by dragging.
        var before = await ViewAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        (await ViewAsync()).K.ShouldBeGreaterThan(before.K);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" }).ClickAsync();
        (await ViewAsync()).K.ShouldBeLessThan(before.K);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Fit" }).ClickAsync();
        await Expect(Page.Locator("#org-status")).ToContainTextAsync("whole chart");
        var fitted = await ViewAsync();
        await Page.Locator("#org-chart").ScrollIntoViewIfNeededAsync();
        var box = (await Page.Locator("#org-chart").BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(box.X + 10, box.Y + 70);
        await Page.Mouse.WheelAsync(0, -300);
        await Ashbridge.Testing.Eventually.ValueAsync(ViewAsync, view => view.K > fitted.K, TimeSpan.FromSeconds(5), "the wheel zooms in");
        var zoomed = await ViewAsync();
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(box.X + 110, box.Y + 20, new() { Steps = 5 });
        await Page.Mouse.UpAsync();
        var panned = await ViewAsync();
        (panned.X - zoomed.X).ShouldBe(100, 1);
        (panned.Y - zoomed.Y).ShouldBe(-50, 1);

        // Collapse and expand everything.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Collapse all" }).ClickAsync();
        await Expect(Page.Locator($"g.node[data-id='{mira}']")).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Page.Locator("g.node[data-parent='" + mira + "']")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Expand all" }).ClickAsync();
        await Expect(Page.Locator("g.node[data-parent='" + mira + "']")).ToHaveCountAsync(3); // Eve, Sal, the role
        await AssertPageIsCleanAsync();

        // The exports answer.
        foreach (var export in new[] { "#export-json", "#export-csv" })
        {
            var href = await Page.Locator(export).GetAttributeAsync("href");
            (await Page.Context.APIRequest.GetAsync(href!)).Status.ShouldBe(200, href);
        }

        // The department filter: Engineering, with Mira above for context.
        await Page.GetByLabel("Department").SelectOptionAsync("Engineering");
        await Expect(Page).ToHaveURLAsync(EngineeringOnly());
        await Expect(Page.Locator("g.node[data-kind='person']")).ToHaveCountAsync(2); // Mira and Eve; Eve's team starts folded
        await Page.GetByRole(AriaRole.Button, new() { Name = "Expand all" }).ClickAsync();
        await Expect(Page.Locator("g.node[data-kind='person']")).ToHaveCountAsync(3);
        await Expect(Page.Locator("g.node[data-parent='" + mira + "']")).ToHaveCountAsync(2); // Eve and the role; not Sal
        await Expect(Page.Locator($"g.node[data-id='{mira}']")).ToContainTextAsync("Other department");
        await AssertPageIsCleanAsync();

        // A click on the role opens its form.
        await Page.Locator("g.node.role[data-id='r-" + acme + "-post-1']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/org-chart/place\\?connection=acme&posting=post-1$"));
    }

    [Fact]
    public async Task People_are_imported_from_a_file_after_a_dry_run_and_a_bad_file_imports_nothing()
    {
        await Page.GotoAsync("/org-chart/import");
        await AssertPageIsCleanAsync();
        await Page.GetByLabel("CSV file (UTF-8)").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("name,email,manager_email\nOk,ok@x.com,\nGhost Report,gr@x.com,ghost@x.com\n") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#report-summary")).ToContainTextAsync("nothing was imported");
        await Expect(Page.Locator("tr[data-row='3']")).ToContainTextAsync("ghost@x.com is neither in the file nor in the chart");
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("CSV file (UTF-8)").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(People) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check (dry run)" }).ClickAsync();
        await Expect(Page.Locator("#report-summary")).ToContainTextAsync("Would create 4");
        await Expect(Page.Locator("tr[data-row='2']")).ToContainTextAsync("New");

        await Page.GetByLabel("CSV file (UTF-8)").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(People) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/org-chart$"));
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Created 4");
        await Expect(Page.Locator("g.node[data-kind='person']").Filter(new() { HasText = "Mira Ceo" })).ToHaveCountAsync(1);
        await AssertPageIsCleanAsync();
    }
}
