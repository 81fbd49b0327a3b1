using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The webhook inbox in a real browser: every event across connections, filtered by connection and state and paged by
/// the database, refusals shown, dead letters replayed from the list, and new events appearing without a reload.
/// </summary>
public sealed class WebhookInboxPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    /// <summary>Sends <paramref name="count"/> signed deliveries that are not JSON (each becomes a dead letter) to a connection.</summary>
    internal static async Task DeliverGarbageAsync(HubFactory hub, string connection, int count, string tag)
    {
        using var http = hub.CreateClient();
        var setup = await http.GetFromJsonAsync<JsonElement>($"/api/connections/{connection}/webhooks", TestContext.Current.CancellationToken);
        var url = setup.GetProperty("requestUrl").GetString()!;
        var secret = setup.GetProperty("secretToken").GetString()!;
        for (var i = 0; i < count; i++)
        {
            var body = Encoding.UTF8.GetBytes($"not an event {tag} {i}");
            (await DeliverAsync(http, url, body, AshbyWebhookSignature.Sign(body, secret))).ShouldBe(System.Net.HttpStatusCode.OK);
        }
    }

    internal static async Task<System.Net.HttpStatusCode> DeliverAsync(HttpClient http, string url, byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Ashby-Signature", signature);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_inbox_filters_by_connection_and_state_pages_shows_refusals_and_replays_a_dead_letter()
    {
        await ConnectionDetailPageTests.AddAsync(Hub, ashby, "hooks");
        await ConnectionDetailPageTests.AddAsync(Hub, ashby, "other");
        await DeliverGarbageAsync(Hub, "hooks", 51, "a");
        await DeliverGarbageAsync(Hub, "other", 1, "b");
        using (var http = Hub.CreateClient())
        {
            var body = Encoding.UTF8.GetBytes("forged");
            var url = (await http.GetFromJsonAsync<JsonElement>("/api/connections/hooks/webhooks", Ct)).GetProperty("requestUrl").GetString()!;
            (await DeliverAsync(http, url, body, "sha256=" + new string('0', 64))).ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        }

        await Page.GotoAsync("/webhooks");
        await Expect(Page.Locator("#webhook-events tbody tr")).ToHaveCountAsync(50);
        await Expect(Page.Locator(".pager")).ToContainTextAsync("Page 1 of 2");
        await Expect(Page.Locator(".refusals")).ToContainTextAsync("hooks: 1 deliveries refused");
        await Expect(Page.Locator("#webhook-events time").First).ToHaveAttributeAsync("datetime", new Regex("Z$"));
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/webhooks\\?p=2$"));
        await Expect(Page.Locator("#webhook-events tbody tr")).ToHaveCountAsync(2);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Newer" }).ClickAsync();
        await Expect(Page.Locator("#webhook-events tbody tr")).ToHaveCountAsync(50);

        await Page.GetByLabel("Connection").SelectOptionAsync("other");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("connection=other"));
        await Expect(Page.Locator("#webhook-events tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".pager")).ToHaveCountAsync(0);

        // Live: a delivery arriving while the list is open shows without a reload.
        await DeliverGarbageAsync(Hub, "other", 1, "c");
        await Expect(Page.Locator("#webhook-events tbody tr")).ToHaveCountAsync(2);

        await Page.GetByLabel("State").SelectOptionAsync("processed");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(Page.Locator("#no-events")).ToContainTextAsync("Nothing matches the filter");
        await AssertPageIsCleanAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Clear the filter" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/webhooks$"));

        await Page.GetByLabel("Connection").SelectOptionAsync("other");
        await Page.GetByLabel("State").SelectOptionAsync("dead");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(Page.Locator("#webhook-events tbody tr")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#webhook-events")).ToContainTextAsync("not JSON");
        await Page.Locator("#webhook-events tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("1 event queued again.");
        await Expect(Page).ToHaveURLAsync(new Regex("/webhooks\\?connection=other&state=dead$"));
        await AssertPageIsCleanAsync();

        await Page.Locator("#webhook-events tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "other" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections/other$"));
    }

    [Fact]
    public async Task An_empty_inbox_says_how_to_get_events()
    {
        await Page.GotoAsync("/webhooks");
        await Expect(Page.Locator("#no-events")).ToContainTextAsync("No event received yet");
        await AssertPageIsCleanAsync();
        await Page.Locator("#no-events").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections$"));
    }
}

/// <summary>The webhook inbox on a phone: the filter stacks, the table scrolls inside its card, axe clean.</summary>
public sealed class WebhookInboxPagePhoneTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_inbox_fits_a_phone()
    {
        await ConnectionDetailPageTests.AddAsync(Hub, ashby, "hooks");
        await WebhookInboxPageTests.DeliverGarbageAsync(Hub, "hooks", 3, "phone");
        await Page.GotoAsync("/webhooks");
        await Expect(Page.Locator("#webhook-events tbody tr")).ToHaveCountAsync(3);
        await PhoneLayout.AssertFitsAsync(Page);
        await AssertPageIsCleanAsync();
    }
}
