using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// A connection's page in a real browser: "Sync now" follows the pass it queued to its outcome (whether the pass ended
/// before the page drew or is still running), every action answers with a redirect, the destructive ones ask first,
/// the charts draw, and the copy buttons copy.
/// </summary>
public sealed class ConnectionDetailPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions PassTime = new() { Timeout = 60_000 };

    /// <summary>Adds a connection to the test's emulator through the API and waits for its first pass to end.</summary>
    internal static async Task AddAsync(HubFactory hub, EmulatorFixture ashby, string name)
    {
        using var http = hub.CreateClient();
        (await http.PostAsJsonAsync("/api/connections", new { name, apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => RunsAsync(http, name), r => r.Count > 0 && r.All(run => run.GetProperty("outcome").GetString() != "running"), TimeSpan.FromSeconds(60), "the first pass");
    }

    internal static async Task<List<JsonElement>> RunsAsync(HttpClient http, string name) =>
        [.. (await http.GetFromJsonAsync<JsonElement>($"/api/connections/{name}/runs?limit=50", TestContext.Current.CancellationToken)).EnumerateArray()];

    private static bool IsManual(JsonElement run) => run.GetProperty("trigger").GetString() == "manual";

    private async Task SetAshbyFaultsAsync(string profile)
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(new Uri(ashby.BaseUrl, "_emulator/faults"), new { profile }, Ct)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Sync_now_ends_with_the_outcome_when_the_pass_finished_before_the_page_drew()
    {
        await AddAsync(Hub, ashby, "acme");
        using var http = Hub.CreateClient();
        await Page.GotoAsync("/connections/acme");

        // The form's answer (the redirect) is held back until the queued pass has ended: the page then draws a history in
        // which the newest finished run is the very pass it waits for.
        await Page.RouteAsync(new Regex("handler=Sync"), async route =>
        {
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            await Eventually.ValueAsync(() => RunsAsync(http, "acme"), r => r.Any(run => IsManual(run) && run.GetProperty("outcome").GetString() != "running"),
                TimeSpan.FromSeconds(60), "the manual pass to end");
            await route.FulfillAsync(new() { Response = answer });
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        await Expect(Page.Locator("#flash")).ToContainTextAsync("Sync queued");
        await Expect(Page.Locator("#live [data-state]")).ToContainTextAsync(new Regex(@"Pass \d+ \(incremental\) finished: succeeded"));
        await Expect(Page.Locator("#live [data-state]")).Not.ToContainTextAsync("Queued");
        await Expect(Page.Locator("#live-streams tbody tr").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#runs tbody tr").First).ToContainTextAsync("manual");
        Page.Url.ShouldNotContain("handler=");
        await AssertPageIsCleanAsync();

        // Post/Redirect/Get: a refresh reads the page again and queues nothing.
        await Page.ReloadAsync();
        await Expect(Page.Locator("#flash")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#live [data-state]")).ToContainTextAsync("finished: succeeded");
        (await RunsAsync(http, "acme")).Count(IsManual).ShouldBe(1);
    }

    [Fact]
    public async Task Sync_now_follows_a_pass_still_running_when_the_page_draws_to_its_outcome()
    {
        await AddAsync(Hub, ashby, "slow");
        await Page.GotoAsync("/connections/slow");
        // Each Ashby request now takes 250 ms: the pass runs for seconds after the page has drawn.
        await SetAshbyFaultsAsync("latency=250ms");
        try
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex(@"/connections/slow\?since=\d+&trigger=manual$"));
            await Expect(Page.Locator("#live [data-state]")).ToContainTextAsync(new Regex(@"Pass \d+ \(incremental\): running"), PassTime);
            await AssertPageIsCleanAsync();
            await Expect(Page.Locator("#live [data-state]")).ToContainTextAsync("finished: succeeded", PassTime);
            await Expect(Page.Locator("#live-streams tbody tr")).Not.ToHaveCountAsync(0);
            // The history, a live region, takes the pass in without a reload.
            await Expect(Page.Locator("#runs tbody tr").First).ToContainTextAsync("manual", PassTime);
            await Expect(Page.Locator("#runs tbody tr").First).ToContainTextAsync("succeeded", PassTime);
        }
        finally
        {
            await SetAshbyFaultsAsync("none");
        }
    }

    [Fact]
    public async Task Removing_a_connection_asks_first_cancel_keeps_it_and_confirming_removes_it_with_its_mirror()
    {
        await AddAsync(Hub, ashby, "gone");
        await Page.GotoAsync("/connections/gone");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove gone" }).ClickAsync();
        var dialog = Page.Locator("dialog.confirm");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("mirror");
        await AssertPageIsCleanAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page).ToHaveURLAsync(new Regex("/connections/gone$"));
        using var http = Hub.CreateClient();
        (await http.GetAsync(new Uri("/api/connections/gone", UriKind.Relative), Ct)).IsSuccessStatusCode.ShouldBeTrue();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove gone" }).ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Remove gone" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections$"));
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Connection gone removed");
        await Expect(Page.Locator("#connections")).Not.ToContainTextAsync("gone");
        (await http.GetAsync(new Uri("/api/connections/gone", UriKind.Relative), Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_secret_token_is_made_only_after_confirming_and_the_copy_buttons_copy_both_values()
    {
        await AddAsync(Hub, ashby, "hooks");
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Page.GotoAsync("/connections/hooks");
        var before = await Page.Locator("#secret-token").InnerTextAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the Request URL" }).ClickAsync();
        await Expect(Page.Locator("#announcer")).ToHaveTextAsync("Copied to the clipboard.");
        (await Page.EvaluateAsync<string>("navigator.clipboard.readText()")).ShouldBe(await Page.Locator("#request-url").InnerTextAsync());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the Secret Token" }).ClickAsync();
        await Eventually.ValueAsync(() => Page.EvaluateAsync<string>("navigator.clipboard.readText()"), text => text == before, TimeSpan.FromSeconds(5), "the token on the clipboard");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Make a new Secret Token" }).ClickAsync();
        var dialog = Page.Locator("dialog.confirm");
        await Expect(dialog).ToContainTextAsync("Make a new Secret Token?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Page.ReloadAsync();
        await Expect(Page.Locator("#secret-token")).ToHaveTextAsync(before);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Make a new Secret Token" }).ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Make a new token" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("New Secret Token made");
        await Expect(Page.Locator("#secret-token")).Not.ToHaveTextAsync(before);
        Page.Url.ShouldNotContain("handler=");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task Check_register_and_full_sync_answer_with_a_redirect_and_a_message_and_the_charts_draw()
    {
        await AddAsync(Hub, ashby, "ops");
        await Page.GotoAsync("/connections/ops");
        await Expect(Page.Locator("#chart-records canvas")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#chart-durations canvas")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#chart-records")).ToHaveAttributeAsync("role", "img");
        await AssertPageIsCleanAsync();

        var check = Page.GetByRole(AriaRole.Button, new() { Name = "Check the key again" });
        await check.ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Pre-flight run again");
        Page.Url.ShouldNotContain("handler=");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Register the webhooks in Ashby" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("webhooks registered in Ashby");
        await Expect(Page.Locator("#webhook-registrations")).ToContainTextAsync("applicationUpdate");
        Page.Url.ShouldNotContain("handler=");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Full sync" }).ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Run a full sync" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Full sync queued");
        await Expect(Page.Locator("#live [data-state]")).ToContainTextAsync("(full) finished: succeeded", PassTime);
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Connections" }).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections$"));
    }

    [Fact]
    public async Task The_key_check_button_declares_its_busy_state()
    {
        await AddAsync(Hub, ashby, "busy");
        await Page.GotoAsync("/connections/busy");
        // ui.js shows data-busy while the form is sent (its own tests cover the behaviour).
        await Expect(Page.Locator("#check-key")).ToHaveAttributeAsync("data-busy", "Checking the key…");
        await Page.Locator("#check-key").ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Pre-flight run again");
    }
}

/// <summary>The connection's page on a phone: no sideways scrolling of the page, the charts drawn, axe clean.</summary>
public sealed class ConnectionDetailPagePhoneTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_connection_page_fits_a_phone_with_its_charts()
    {
        await ConnectionDetailPageTests.AddAsync(Hub, ashby, "phone");
        await Page.GotoAsync("/connections/phone");
        await Expect(Page.Locator("#chart-records canvas")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#chart-durations canvas")).ToHaveCountAsync(1);
        await PhoneLayout.AssertFitsAsync(Page);
        await AssertPageIsCleanAsync();
    }
}
