using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ashbridge.Server.Tests.Members;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>People and a member's page in a real browser: search, sort, paging, status tabs and exports; the edit form; offboarding and reinstating.</summary>
public class PeoplePageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_empty_directory_says_to_add_people_from_new_hires()
    {
        await Page.GotoAsync("/members");
        await Expect(Page.Locator("#members-empty")).ToContainTextAsync("No members yet");
        await Expect(Page.Locator("#members-empty").GetByRole(AriaRole.Link, new() { Name = "Go to New hires" })).ToHaveAttributeAsync("href", "/new-hires");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task People_are_searched_in_every_column_sorted_paged_filtered_and_exported_as_shown()
    {
        await MemberSeed.ThreeAsync(Hub);
        for (var i = 0; i < 50; i++) await MemberSeed.AddAsync(Hub, new($"Person{i:00}", "Zed", $"p{i:00}@example.com", Title: "Engineer"));

        await Page.GotoAsync("/members");
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("1–50 of 53");
        await AssertPageIsCleanAsync();
        await Page.Locator(".pager").GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("51–53 of 53");
        await Page.Locator(".pager").GetByRole(AriaRole.Link, new() { Name = "Previous" }).ClickAsync();
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("1–50 of 53");
        await Page.Locator(".pager").GetByRole(AriaRole.Link, new() { Name = "Page 2" }).ClickAsync();
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("51–53 of 53");

        // Sorting by a heading, then the other way.
        await Page.Locator("th a.sort", new() { HasText = "Job title" }).ClickAsync();
        await Expect(Page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Job title");
        await Expect(Page.Locator("#members tbody tr").First).ToContainTextAsync("Admiral");
        await Page.Locator("th a.sort", new() { HasText = "Job title" }).ClickAsync();
        await Expect(Page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Job title");
        await Expect(Page.Locator("#members tbody tr").First).ToContainTextAsync("Mathematician");
        await AssertPageIsCleanAsync();

        // Searching any column: the place of work, then a phone number typed with other spacing.
        await Page.GetByLabel("Search people").FillAsync("arlington");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#members")).ToContainTextAsync("Grace Hopper");
        await Expect(Page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex("^/api/members/export\\?format=csv&q=arlington&status=active"));
        var exported = await Page.APIRequest.GetAsync((await Page.Locator("#export-csv").GetAttributeAsync("href"))!);
        (await exported.TextAsync()).ShouldSatisfyAllConditions(t => t.ShouldContain("grace@navy.example.org"), t => t.ShouldNotContain("ada@example.com"));
        await Expect(Page.Locator("#export-json")).ToHaveAttributeAsync("href", new Regex("format=json&q=arlington"));
        await Page.GetByLabel("Search people").FillAsync("7700900123");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#members")).ToContainTextAsync("Ada Lovelace");
        await Page.GetByLabel("Search people").FillAsync("nobody at all");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#members-empty")).ToContainTextAsync("Nobody matches “nobody at all”");
        await AssertPageIsCleanAsync();
        await Page.Locator("#members-empty").GetByRole(AriaRole.Link, new() { Name = "Clear the search" }).ClickAsync();
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("1–50 of 53");

        // Offboarded people have a tab of their own.
        using var admin = Hub.CreateClient();
        var grace = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/members?q=hopper", Ct))[0].GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync($"/api/members/{grace}/offboard", new { lastDay = "2027-01-31" }, Ct)).EnsureSuccessStatusCode();
        await Page.GotoAsync("/members");
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("1–50 of 52");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Offboarded" }).ClickAsync();
        await Expect(Page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#members tbody tr").First).ToContainTextAsync("Offboarded");
        await Expect(Page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex("status=offboarded"));
        await AssertPageIsCleanAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "All", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("1–50 of 53");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Active", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#members-range")).ToHaveTextAsync("1–50 of 52");
    }

    [Fact]
    public async Task A_refused_edit_shows_the_error_beside_the_field_keeps_what_was_typed_and_a_good_one_is_saved()
    {
        var (ada, _, _) = await MemberSeed.ThreeAsync(Hub);
        await Page.GotoAsync("/members");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Expect(Page.Locator("#member")).ToContainTextAsync("Research");
        await Expect(Page.Locator("#delivery-state")).ToContainTextAsync("Not sent");
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Personal email").FillAsync("ada at home");
        await Page.GetByLabel("Job title").FillAsync("Lead Analyst");
        await Page.GetByLabel("Department").FillAsync("");
        var refused = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        var email = Page.GetByLabel("Personal email");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToHaveAttributeAsync("aria-describedby", "edit-personal-email-error");
        await Expect(Page.Locator("#edit-personal-email-error")).ToContainTextAsync("'ada at home' is not an email address");
        await Expect(email).ToHaveValueAsync("ada at home");
        await Expect(Page.GetByLabel("Job title")).ToHaveValueAsync("Lead Analyst");
        await Expect(Page.GetByLabel("Department")).ToHaveValueAsync("");
        await Expect(Page.Locator("#member")).ToContainTextAsync("Research"); // nothing saved
        await AssertPageIsCleanAsync();

        await email.FillAsync("ada@home.example");
        await Page.GetByLabel("Employment start date").FillAsync("2027-04-05");
        await Page.GetByLabel("Personal phone").FillAsync("+44 7700 900999");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Saved Ada Lovelace's details.");
        await Expect(Page).ToHaveURLAsync(new Regex($"/members/{ada}$"));
        await Expect(Page.Locator("#member")).ToContainTextAsync("Lead Analyst");
        await Expect(Page.Locator("#member")).ToContainTextAsync("ada@home.example");
        await Expect(Page.Locator("#member")).ToContainTextAsync("2027-04-05");
        await Expect(Page.Locator("#member")).Not.ToContainTextAsync("Research");
        await Expect(Page.Locator("#member")).ToContainTextAsync("Last changed");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task Offboarding_asks_first_cancel_changes_nothing_confirm_offboards_and_reinstate_undoes_it()
    {
        var (_, grace, _) = await MemberSeed.ThreeAsync(Hub);
        await Page.GotoAsync($"/members/{grace}");
        var offboard = Page.GetByRole(AriaRole.Button, new() { Name = "Offboard Grace Hopper" });

        // No last day: refused beside the field.
        await offboard.ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Offboard" }).ClickAsync();
        await Expect(Page.Locator("#last-day-error")).ToContainTextAsync("Give the member's last day.");
        await Expect(Page.GetByLabel("Last day")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Last day").FillAsync("2027-01-31");
        await offboard.ClickAsync();
        var dialog = Page.Locator("dialog.confirm");
        await Expect(dialog).ToContainTextAsync("Offboard Grace Hopper?");
        await AssertPageIsCleanAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Locator("#member-status")).ToHaveTextAsync("Active");

        await offboard.ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Offboard" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Offboarded Grace Hopper; their last day is 2027-01-31.");
        await Expect(Page.Locator("#offboarded-badge")).ToBeVisibleAsync();
        await Expect(Page.Locator("#member-status")).ToContainTextAsync("last day 2027-01-31");
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Reinstate Grace Hopper" }).ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Reinstate" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Reinstated Grace Hopper.");
        await Expect(Page.Locator("#member-status")).ToHaveTextAsync("Active");
        await Expect(Page.Locator("#offboarded-badge")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "People" }).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/members$"));
    }
}

/// <summary>The same on a phone's screen (390 × 844).</summary>
public sealed class PeoplePagePhoneTests(BrowserFixture browser) : PeoplePageTests(browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
