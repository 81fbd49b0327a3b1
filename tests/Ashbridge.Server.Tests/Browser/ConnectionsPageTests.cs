using System.Net.Http.Json;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>An admin in a real browser: add a connection, read its pre-flight, sync it now, see the history.</summary>
public sealed class ConnectionsPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions PassTime = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToContainTextOptions PassTimeText = new() { Timeout = 60_000 };

    /// <summary>Signs in through the form, as a person does; the cookie lasts for the page's context.</summary>
    internal static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/connections");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.GetByLabel("Email").FillAsync(HubFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(HubFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connections$"));
    }

    [Fact]
    public async Task An_admin_adds_a_connection_sees_its_pre_flight_syncs_it_now_and_sees_the_history()
    {
        await Page.GotoAsync("/connections");
        await Expect(Page.Locator("#connections")).ToContainTextAsync("demo");

        await Page.GetByLabel("Name").FillAsync("acme");
        await Page.GetByLabel("Ashby API key").FillAsync(ashby.ApiKey);
        await Page.GetByLabel("Base URL").FillAsync(ashby.BaseUrl.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the key and add" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connections/acme"));
        // The notice says the key passed, or (if the first pass already ended and the page reloaded) that the pass finished.
        await Expect(Page.Locator("#flash")).ToContainTextAsync("passed the pre-flight");
        var preflight = Page.Locator("#preflight tbody tr");
        // One row per feature, one per mirror stream, and the two visibility flags (the page may reload meanwhile: the assertion waits).
        await Expect(preflight).ToHaveCountAsync(Ashbridge.Core.Connections.FeatureRequirements.All.Count + Ashbridge.Core.Mirror.MirrorStreams.All.Count + 2);
        await Expect(Page.Locator("#preflight")).Not.ToContainTextAsync("missing");
        (await Page.Locator("#preflight").InnerTextAsync()).ShouldNotContain(ashby.ApiKey);

        // The first pass starts on add; the live progress follows it, and the history shows it when it ends.
        await Expect(Page.Locator("#runs tbody tr")).ToHaveCountAsync(1, PassTime);
        await Expect(Page.Locator("#runs tbody tr").First).ToContainTextAsync("succeeded");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        await Expect(Page.Locator("#runs tbody tr")).ToHaveCountAsync(2, PassTime);
        var newest = Page.Locator("#runs tbody tr").First;
        await Expect(newest).ToContainTextAsync("manual");
        await Expect(newest).ToContainTextAsync("succeeded", PassTimeText);
        await Expect(Page.Locator("#live [data-state]")).ToContainTextAsync("succeeded", PassTimeText);
        await Expect(Page.Locator("#chart-records canvas")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#chart-durations canvas")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#streams")).ToContainTextAsync("candidates");
    }

    [Fact]
    public async Task A_key_ashby_refuses_is_explained_on_the_form_and_nothing_is_added()
    {
        await Page.GotoAsync("/connections");

        await Page.GetByLabel("Name").FillAsync("wrongkey");
        await Page.GetByLabel("Ashby API key").FillAsync("not-a-real-key");
        await Page.GetByLabel("Base URL").FillAsync(ashby.BaseUrl.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the key and add" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ashby refused the API key");
        await Expect(Page.Locator("#Add_ApiKey")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#Add_Name")).ToHaveValueAsync("wrongkey");
        await Expect(Page.GetByLabel("Ashby API key")).ToHaveValueAsync("");
        await Expect(Page.Locator("#connections")).Not.ToContainTextAsync("wrongkey");
    }

    [Fact]
    public async Task The_connection_page_shows_what_to_paste_into_ashby_refusals_and_dead_letters_to_replay()
    {
        using var http = Hub.CreateClient();
        (await http.PostAsJsonAsync("/api/connections", new { name = "hooks", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        // Let the first pass end, so the page's live progress does not reload it under the test.
        await Eventually.ValueAsync(() => http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/connections/hooks/runs", TestContext.Current.CancellationToken),
            r => r.GetArrayLength() > 0 && r[0].GetProperty("outcome").GetString() != "running", TimeSpan.FromSeconds(60), "the first pass");
        await Page.GotoAsync("/connections/hooks");
        var requestUrl = await Page.Locator("#request-url").InnerTextAsync();
        var secret = await Page.Locator("#secret-token").InnerTextAsync();
        requestUrl.ShouldBe(new Uri(Hub.ClientOptions.BaseAddress, "/webhooks/ashby/hooks").ToString());
        secret.Length.ShouldBeGreaterThan(30);

        var garbage = System.Text.Encoding.UTF8.GetBytes("not an event");
        (await DeliverAsync(http, requestUrl, garbage, "sha256=" + new string('0', 64))).ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        (await DeliverAsync(http, requestUrl, garbage, AshbyWebhookSignature.Sign(garbage, secret))).ShouldBe(System.Net.HttpStatusCode.OK);
        await Page.ReloadAsync();

        await Expect(Page.Locator("#webhook-rejections")).ToContainTextAsync("1 with a wrong signature");
        await Expect(Page.Locator("#dead-letters tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#dead-letters")).ToContainTextAsync("not JSON");
        await Page.Locator("#dead-letters").GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("1 event queued again.");
    }

    private static async Task<System.Net.HttpStatusCode> DeliverAsync(HttpClient http, string url, byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Ashby-Signature", signature);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
