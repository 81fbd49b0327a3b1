using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// Every page of the hub, opened by its admin on the demo connection once its first pass has brought new hires and a
/// member has been added: each answers 200, has no console error, CSP violation, failed request or serious axe finding,
/// marks where it is in the navigation, does not scroll sideways, and every link on it leads somewhere.
/// </summary>
public abstract class EveryPageSweep(BrowserFixture browser) : HubPageTest(browser)
{
    private async Task<IReadOnlyList<string>> PagesAsync()
    {
        var demo = await DemoData.PrepareAsync(Hub, Ct);
        using var admin = Hub.CreateClient();
        var openRole = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(admin, "/api/connections/demo/open-roles", Ct))[0].GetProperty("postingId").GetString();
        using var export = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, "/api/exports", new { name = "Demo headcount", connection = "demo", filters = new { includeOpenOpenings = true } }, Ct);
        var exportId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(export.EnsureSuccessStatusCode().Content, Ct)).GetProperty("id").GetInt64();
        using var batchFile = new MultipartFormDataContent { { new ByteArrayContent("Name,Email\nEvery Page,every@page.example\n"u8.ToArray()), "file", "p.csv" } };
        var batch = await (await admin.PostAsync("/api/connections/demo/dedupe/batches", batchFile, Ct)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        return
        [
            "/", "/connections", "/connections/demo", "/new-hires", "/new-hires/demo?state=Added", "/new-hires/demo?state=Deleted",
            $"/new-hires/demo/review/{demo.PendingApplicationId}", $"/new-hires/demo/review/{demo.AddedApplicationId}", "/new-hires/demo/mapping",
            "/members", $"/members/{demo.MemberId}", "/dedupe", "/dedupe/demo", "/dedupe/demo/batches", $"/dedupe/demo/batches/{batch.GetProperty("batch").GetProperty("id").GetInt64()}", "/open-roles", "/open-roles/demo", $"/open-roles/demo/roles/{openRole}", "/outbound", "/webhooks", "/notices", "/access", "/audit", "/api-docs",
            "/org-chart", "/org-chart/import", $"/org-chart/place?connection=demo&posting={openRole}",
            "/ashby-users", "/ashby-users/demo", "/ashby-users/demo?q=a&enabled=true", "/ashby-users/demo/review",
            "/exports", $"/exports?id={exportId}",
        ];
    }

    [Fact]
    public async Task Every_page_is_clean_accessible_marked_in_the_navigation_fits_the_window_and_its_links_lead_somewhere()
    {
        var checkedLinks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in await PagesAsync())
        {
            var response = await Page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await AssertPageIsCleanAsync();

            (await Page.Locator("a.skip-link").GetAttributeAsync("href")).ShouldBe("#main", path);
            var section = "/" + path.TrimStart('/').Split('/', '?')[0];
            var current = Page.Locator(".site-nav a[aria-current='page']");
            await Expect(current).ToHaveCountAsync(1);
            (await current.GetAttributeAsync("href")).ShouldBe(section == "/api-docs" ? "/api-docs" : section, path);

            var overflow = await Page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} scrolls sideways by {overflow} px");

            foreach (var href in await Page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                if (href.StartsWith("/#", StringComparison.Ordinal) || !checkedLinks.Add(href)) continue;
                var answer = await Page.Context.APIRequest.GetAsync(href, new() { MaxRedirects = 5 });
                answer.Status.ShouldBeLessThan(400, $"the link {href} on {path} answered {answer.Status}");
            }
        }
    }
}

/// <summary>The sweep on a laptop screen.</summary>
public sealed class EveryPageTests(BrowserFixture browser) : EveryPageSweep(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_skip_link_is_the_keyboards_first_stop_and_takes_it_to_the_content()
    {
        await Page.GotoAsync("/");
        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.Locator("a.skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#main")).ToBeFocusedAsync();
    }
}

/// <summary>The sweep on a phone, where the navigation folds behind Menu.</summary>
public sealed class EveryPageOnAPhoneTests(BrowserFixture browser) : EveryPageSweep(browser), IClassFixture<BrowserFixture>
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_navigation_folds_behind_menu_and_opens_to_every_section()
    {
        await Page.GotoAsync("/");
        var nav = Page.Locator("#site-nav");
        await Expect(nav).ToBeHiddenAsync();
        var menu = Page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nav).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/members$"));
        await Expect(Page.Locator("#site-nav")).ToBeHiddenAsync();
    }
}
