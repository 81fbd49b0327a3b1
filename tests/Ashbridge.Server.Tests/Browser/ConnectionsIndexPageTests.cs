using System.Text.RegularExpressions;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The connections list in a real browser: a card per connection, the empty state, and the add form, which refuses
/// with the error beside the field it is about (what was typed kept, never the key) and shows it is busy meanwhile.
/// </summary>
public sealed class ConnectionsIndexPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 60_000 };

    private async Task<IResponse> SubmitAsync(string name, string key, string baseUrl)
    {
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Ashby API key").FillAsync(key);
        await Page.GetByLabel("Base URL").FillAsync(baseUrl);
        return await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Check the key and add" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/connections", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Each_connection_is_a_card_with_its_last_pass_and_data_age()
    {
        await ConnectionDetailPageTests.AddAsync(Hub, ashby, "acme");
        await Page.GotoAsync("/connections");
        var card = Page.Locator(".connection-card", new() { HasText = "acme" });
        await Expect(card).ToContainTextAsync(ashby.BaseUrl.ToString());
        await Expect(card).ToContainTextAsync("every 5 min");
        await Expect(card.Locator(".badge.ok")).ToHaveTextAsync("succeeded");
        await Expect(card).ToContainTextAsync(new Regex("as of .*ago|as of now"));
        await Expect(Page.Locator(".connection-card", new() { HasText = "demo" })).ToHaveCountAsync(1);
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a connection" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("#add-connection$"));
        await card.GetByRole(AriaRole.Link, new() { Name = "acme" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections/acme$"));
    }

    [Fact]
    public async Task A_refused_add_shows_the_error_beside_its_field_keeps_what_was_typed_but_the_key_and_answers_422()
    {
        await Page.GotoAsync("/connections");

        var taken = await SubmitAsync("demo", ashby.ApiKey, ashby.BaseUrl.ToString());
        taken.Status.ShouldBe(422);
        await Expect(Page.Locator("#Add_Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#Add_Name")).ToHaveAttributeAsync("aria-describedby", new Regex("add-error"));
        await Expect(Page.Locator("#add-error")).ToContainTextAsync("already exists");
        await Expect(Page.Locator("#Add_Name")).ToHaveValueAsync("demo");
        await Expect(Page.Locator("#Add_BaseUrl")).ToHaveValueAsync(ashby.BaseUrl.ToString());
        await Expect(Page.Locator("#Add_ApiKey")).ToHaveValueAsync("");
        (await Page.ContentAsync()).ShouldNotContain(ashby.ApiKey);
        await AssertPageIsCleanAsync();

        var refusedKey = await SubmitAsync("wrong", "not-a-real-key", ashby.BaseUrl.ToString());
        refusedKey.Status.ShouldBe(422);
        await Expect(Page.Locator("#Add_ApiKey")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#Add_Name")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#add-error")).ToContainTextAsync("Check that the key is copied whole");

        // Nothing listens on port 9 of the loopback: Ashby is down.
        var down = await SubmitAsync("down", ashby.ApiKey, "http://127.0.0.1:9/");
        down.Status.ShouldBe(422);
        await Expect(Page.Locator("#add-refusal")).ToContainTextAsync("Ashby could not be reached");
        await Expect(Page.Locator("#Add_BaseUrl")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#Add_BaseUrl")).ToHaveValueAsync("http://127.0.0.1:9/");
        await Expect(Page.Locator("#Add_Name")).ToHaveValueAsync("down");
        (await Page.ContentAsync()).ShouldNotContain(ashby.ApiKey);
        await Expect(Page.Locator("#connections")).Not.ToContainTextAsync("down");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task Adding_declares_a_busy_button_then_follows_the_first_pass()
    {
        await Page.GotoAsync("/connections");
        await Page.GetByLabel("Name").FillAsync("fresh");
        await Page.GetByLabel("Ashby API key").FillAsync(ashby.ApiKey);
        await Page.GetByLabel("Base URL").FillAsync(ashby.BaseUrl.ToString());
        // ui.js shows data-busy while the form is sent (its own tests cover the behaviour).
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Check the key and add" });
        await Expect(button).ToHaveAttributeAsync("data-busy", "Checking the key…");
        await button.ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/connections/fresh\\?since=0$"));
        await Expect(Page.Locator("#flash")).ToContainTextAsync("passed the pre-flight");
        await Expect(Page.Locator("#live [data-state]")).ToContainTextAsync("finished: succeeded", Slow);
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task Without_connections_the_list_says_how_to_add_one()
    {
        using (var http = Hub.CreateClient())
        {
            (await http.DeleteAsync(new Uri("/api/connections/demo", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        }

        await Page.GotoAsync("/connections");
        await Expect(Page.Locator("#no-connections")).ToContainTextAsync("No connection yet");
        await AssertPageIsCleanAsync();
        await Page.Locator("#no-connections").GetByRole(AriaRole.Link, new() { Name = "Add a connection" }).ClickAsync();
        await Expect(Page.GetByLabel("Name")).ToBeVisibleAsync();
    }
}

/// <summary>The connections list on a phone: cards stack, the form fits, axe clean.</summary>
public sealed class ConnectionsIndexPagePhoneTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_connections_list_fits_a_phone()
    {
        await Page.GotoAsync("/connections");
        await Expect(Page.Locator(".connection-card", new() { HasText = "demo" })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Ashby API key")).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAsync(Page);
        await AssertPageIsCleanAsync();
    }
}
