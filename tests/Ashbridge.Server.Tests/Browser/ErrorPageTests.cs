using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>Error pages in the layout, in a real browser: a missing page, a viewer's refusal, the favicon.</summary>
public class ErrorPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_missing_page_is_a_404_page_in_the_layout_with_a_way_home()
    {
        var answer = await Page.GotoAsync("/connections/no/such/page");
        answer!.Status.ShouldBe(404);
        await Expect(Page).ToHaveURLAsync(new Regex("/connections/no/such/page$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Page not found"));
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
        await Page.GotoAsync("/nothing-here");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Connections" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections$"));
    }

    [Fact]
    public async Task A_viewer_opening_users_and_tokens_gets_a_403_page_there_naming_the_role_and_whom_to_ask()
    {
        using (var admin = Hub.CreateClient())
        {
            (await admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "a long enough password", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        }

        await using var context = await Chromium.NewContextAsync(new() { BaseURL = Hub.ClientOptions.BaseAddress.ToString(), ViewportSize = Viewport });
        var viewer = await context.NewPageAsync();
        var watch = await PageWatch.StartAsync(viewer);
        await viewer.GotoAsync("/signin");
        await viewer.GetByLabel("Email").FillAsync("viewer@hub.test");
        await viewer.GetByLabel("Password").FillAsync("a long enough password");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(viewer).ToHaveURLAsync(new Regex("/connections$"));

        var answer = await viewer.GotoAsync("/access");
        answer!.Status.ShouldBe(403);
        await Expect(viewer).ToHaveURLAsync(new Regex("/access$"));
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You do not have access");
        await Expect(viewer.GetByRole(AriaRole.Main)).ToContainTextAsync("whose role is viewer");
        await Expect(viewer.Locator("#admins")).ToContainTextAsync(HubFactory.AdminEmail);
        await watch.AssertCleanAsync();
        watch.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_failure_page_shows_a_request_id_to_copy()
    {
        var answer = await Page.GotoAsync("/error/500");
        answer!.Status.ShouldBe(500);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Something went wrong");
        await Expect(Page.Locator("#request-id")).Not.ToBeEmptyAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy request id" }).ClickAsync();
        await Expect(Page.Locator("#announcer")).ToHaveTextAsync(new Regex("Copied|Selected"));
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task Asking_for_the_favicon_under_either_name_does_not_fail()
    {
        foreach (var path in new[] { "/favicon.ico", "/favicon.svg" })
        {
            var icon = await Page.APIRequest.GetAsync(path);
            icon.Status.ShouldBe(200, path);
            icon.Headers["content-type"].ShouldStartWith("image/svg+xml");
        }

        var answer = await Page.GotoAsync("/favicon.ico");
        answer!.Ok.ShouldBeTrue();
    }
}

/// <summary>The same on a phone.</summary>
public sealed class ErrorPagePhoneTests(BrowserFixture browser) : ErrorPageTests(browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
