using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>An admin in a real browser: add a connection, read its pre-flight, sync it now, see the history.</summary>
public sealed class ConnectionsPageTests(BrowserFixture browser, EmulatorFixture ashby) : IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveCountOptions PassTime = new() { Timeout = 60_000 };
    private readonly HubFactory _hub = new();
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _hub.StartServer();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _hub.ClientOptions.BaseAddress.ToString() });
        _page = await _context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_connection_sees_its_pre_flight_syncs_it_now_and_sees_the_history()
    {
        await _page.GotoAsync("/connections");
        await Expect(_page.Locator("#connections")).ToContainTextAsync("demo");

        await _page.GetByLabel("Name").FillAsync("acme");
        await _page.GetByLabel("Ashby API key").FillAsync(ashby.ApiKey);
        await _page.GetByLabel("Base URL").FillAsync(ashby.BaseUrl.ToString());
        await _page.GetByRole(AriaRole.Button, new() { Name = "Check the key and add" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connections/acme"));
        await Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("passed the pre-flight");
        var preflight = _page.Locator("#preflight tbody tr");
        (await preflight.CountAsync()).ShouldBeGreaterThan(10);
        await Expect(_page.Locator("#preflight")).Not.ToContainTextAsync("missing");
        (await _page.Locator("#preflight").InnerTextAsync()).ShouldNotContain(ashby.ApiKey);

        // The first pass starts on add; when it ends the page reloads with it in the history.
        await Expect(_page.Locator("#runs tbody tr")).ToHaveCountAsync(1, PassTime);
        await Expect(_page.Locator("#runs tbody tr").First).ToContainTextAsync("succeeded");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        await Expect(_page.Locator("#runs tbody tr")).ToHaveCountAsync(2, PassTime);
        var newest = _page.Locator("#runs tbody tr").First;
        await Expect(newest).ToContainTextAsync("manual");
        await Expect(newest).ToContainTextAsync("succeeded");
        await Expect(_page.Locator("#chart-records rect")).ToHaveCountAsync(2);
        await Expect(_page.Locator("#chart-durations rect")).ToHaveCountAsync(2);
        await Expect(_page.Locator("#streams")).ToContainTextAsync("candidates");
    }

    [Fact]
    public async Task A_key_ashby_refuses_is_explained_on_the_form_and_nothing_is_added()
    {
        await _page.GotoAsync("/connections");

        await _page.GetByLabel("Name").FillAsync("wrongkey");
        await _page.GetByLabel("Ashby API key").FillAsync("not-a-real-key");
        await _page.GetByLabel("Base URL").FillAsync(ashby.BaseUrl.ToString());
        await _page.GetByRole(AriaRole.Button, new() { Name = "Check the key and add" }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ashby refused the API key");
        await Expect(_page.GetByLabel("Ashby API key")).ToHaveValueAsync("");
        await Expect(_page.Locator("#connections")).Not.ToContainTextAsync("wrongkey");
    }
}
