using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>The audit log filters by who, what and on what, and pages through the database's answer.</summary>
public class AuditPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_filters_the_log_by_action_target_and_actor_and_pages_through_it()
    {
        using (var admin = Hub.CreateClient())
        {
            for (var i = 1; i <= 7; i++)
            {
                (await admin.PostAsJsonAsync("/api/users", new { email = $"reader{i}@hub.test", password = "a long reader password", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
            }
        }

        await Page.GotoAsync("/audit?size=5");
        await Expect(Page.Locator("#audit tbody tr")).ToHaveCountAsync(5);
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("What", new() { Exact = true }).SelectOptionAsync("user.add");
        await Page.GetByLabel("On what").FillAsync("reader");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("action=user.add"));
        await Expect(Page.GetByLabel("On what")).ToHaveValueAsync("reader");
        await Expect(Page.Locator("#audit-count")).ToHaveTextAsync("1–5 of 7");
        await Expect(Page.Locator("#audit tbody tr").First).ToContainTextAsync("reader7@hub.test"); // newest first
        await Expect(Page.Locator("#audit time").First).ToHaveAttributeAsync("datetime", new Regex("^\\d{4}-\\d\\d-\\d\\dT"));
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();
        await Expect(Page.Locator("#audit-count")).ToHaveTextAsync("6–7 of 7");
        await Expect(Page.Locator("#audit tbody tr")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#audit")).ToContainTextAsync("reader1@hub.test");
        await Expect(Page.GetByLabel("What", new() { Exact = true })).ToHaveValueAsync("user.add"); // the filter survives paging
        await Page.GetByRole(AriaRole.Link, new() { Name = "Newer" }).ClickAsync();
        await Expect(Page.Locator("#audit-count")).ToHaveTextAsync("1–5 of 7");

        await Page.GetByLabel("On what").FillAsync("READER3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(Page.Locator("#audit tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#audit")).ToContainTextAsync("reader3@hub.test");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/audit$"));
        await Page.GetByLabel("Who", new() { Exact = true }).FillAsync("nobody_like_this");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(Page.Locator("#audit-empty")).ToContainTextAsync("No entries match these filters");
        await AssertPageIsCleanAsync();
        await Page.Locator("#audit-empty").GetByRole(AriaRole.Link, new() { Name = "show every entry" }).ClickAsync();
        await Page.GetByLabel("Who", new() { Exact = true }).FillAsync(HubFactory.AdminEmail);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(Page.Locator("#audit")).ToContainTextAsync("sign-in");
        await Expect(Page.Locator("#audit")).ToContainTextAsync("user.add"); // the API adds were made with the admin's token
    }
}

/// <summary>The same on a phone.</summary>
public sealed class AuditPagePhoneTests(BrowserFixture browser) : AuditPageTests(browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
