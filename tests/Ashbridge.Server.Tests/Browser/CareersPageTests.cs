using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>The public careers list in a real browser: clean (axe, console, CSP), without the hub's chrome, its links leading to the postings, and shown inside another page's frame.</summary>
public sealed class CareersPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_careers_list_is_clean_shows_listed_roles_only_and_can_be_framed_by_another_site()
    {
        var database = Hub.Services.GetRequiredService<AshbridgeDatabase>();
        var acme = await OpenRoleRows.ConnectionAsync(database, "acme");
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        await OpenRoleRows.RoleAsync(database, acme, "p-eng", "Backend Engineer", at, department: "Engineering", location: "Berlin", employmentType: "FullTime");
        await OpenRoleRows.RoleAsync(database, acme, "p-des", "Product Designer", at, department: null, location: "Remote", employmentType: "Contract");
        await OpenRoleRows.RoleAsync(database, acme, "p-unlisted", "Unlisted Role", at, listed: false);
        await OpenRoleRows.RoleAsync(database, acme, "p-secret", "Confidential Role", at, confidential: true);
        await Hub.Services.GetRequiredService<OpenRolePolicy>().SaveAsync(acme, new OpenRoleSettings(true, true, null, []), null, Ct);

        await Page.GotoAsync("/careers/acme");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Open roles");
        var roles = Page.Locator("#roles > li");
        await Expect(roles).ToHaveCountAsync(2);
        await Expect(roles.Nth(0)).ToContainTextAsync("Engineering · Berlin · Full time");
        await Expect(roles.Nth(1)).ToContainTextAsync("Remote · Contract");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Backend Engineer" })).ToHaveAttributeAsync("href", "https://jobs.example.com/p-eng");
        await Expect(Page.GetByText("Unlisted Role")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Confidential Role")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".site-header, .site-nav")).ToHaveCountAsync(0);
        await AssertPageIsCleanAsync();

        // Another site (a server of its own: another origin) frames it: the frame shows the list.
        var (site, siteUrl) = await LoopbackApp.StartAsync(app => app.MapGet("/jobs", () => Results.Content(
            $"<!doctype html><html lang=\"en\"><title>Example careers</title><iframe title=\"Open roles\" src=\"{Hub.ClientOptions.BaseAddress}careers/acme\"></iframe></html>", "text/html")),
            cancellationToken: Ct);
        await using var _ = site;
        var embedder = await Page.Context.NewPageAsync();
        await embedder.GotoAsync(new Uri(siteUrl, "jobs").ToString());
        await Expect(embedder.FrameLocator("iframe").Locator("#roles > li")).ToHaveCountAsync(2);
        await embedder.CloseAsync();
    }
}
