using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Core.Connections;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The Org's flow end to end on the demo's real open roles: from the open roles page, "Add manager" on a role, choose a
/// person, and find the role drawn under that person in the chart.
/// </summary>
public sealed class OpenRolePlacementPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_role_from_the_open_roles_page_placed_under_a_manager_is_drawn_under_them_in_the_chart()
    {
        using var admin = Hub.CreateClient();
        var roles = await Eventually.ValueAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/open-roles", Ct), r => r.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "the demo's open roles");
        var title = roles[0].GetProperty("title").GetString()!;
        var postingId = roles[0].GetProperty("postingId").GetString()!;
        var demo = await Hub.Services.GetRequiredService<ConnectionStore>().FindAsync("demo", Ct) ?? throw new InvalidOperationException("no demo connection");
        var chart = await Eventually.ValueAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/org-chart", Ct),
            c => c.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("kind").GetString() == "person" && n.GetProperty("email").ValueKind == JsonValueKind.String),
            TimeSpan.FromSeconds(60), "the demo's Ashby users in the chart");
        var manager = chart.GetProperty("nodes").EnumerateArray().First(n => n.GetProperty("kind").GetString() == "person" && n.GetProperty("email").ValueKind == JsonValueKind.String);

        await Page.GotoAsync("/open-roles/demo");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Add manager for {title}", Exact = true }).First.ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync($"Add manager: {title}");
        await Page.GetByLabel("Reports to").FillAsync(manager.GetProperty("email").GetString()!);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync($"{title} now sits under");
        await Expect(Page.Locator("#current-manager")).ToContainTextAsync("Placed");
        await AssertPageIsCleanAsync();

        await Page.Locator("#see-in-chart").ClickAsync();
        var role = Page.Locator($"g.node.role[data-id='r-{demo.Id}-{postingId}']");
        await Expect(role).ToHaveClassAsync(new Regex("\\bhit\\b"));
        await Expect(role).ToHaveAttributeAsync("data-parent", manager.GetProperty("id").GetString()!);
        await Expect(role).ToContainTextAsync("Open role");
        await AssertPageIsCleanAsync();
    }
}
