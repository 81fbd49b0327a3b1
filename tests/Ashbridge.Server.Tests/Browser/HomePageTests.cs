using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Core.Outbound;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>The home page after sign-in: each connection's health, what waits for a person, next steps, and features as what they are.</summary>
public sealed class HomePageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_fresh_install_shows_the_demo_its_health_and_the_next_steps_to_add_a_connection_and_an_outbound_endpoint()
    {
        await Page.GotoAsync("/");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Home", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("#demo-note")).ToContainTextAsync("Demo mode");
        var steps = Page.Locator("#next-steps");
        await Expect(steps.Locator("li[data-step='AddConnection'] a")).ToHaveAttributeAsync("href", "/connections");
        await Expect(steps.Locator("li[data-step='SetOutboundEndpoint'] a")).ToHaveAttributeAsync("href", "/outbound");
        await Expect(steps.Locator("li[data-step='RegisterWebhooks']")).ToHaveCountAsync(0); // the demo is not asked to register webhooks
        var demo = Page.Locator("#health article[data-connection='demo']");
        await Expect(demo.Locator("[data-stat='last-pass']")).ToContainTextAsync("succeeded", new() { Timeout = 60_000 }); // redrawn live when the first pass ends
        await Expect(demo.Locator("[data-stat='data-age'] time")).ToHaveCountAsync(1);
        await Expect(demo.Locator("[data-stat='last-webhook']")).ToContainTextAsync("none received");
        await Expect(demo.Locator("[data-stat='new-hires'] a")).ToHaveAttributeAsync("href", "/new-hires/demo");
        await Expect(demo.Locator("[data-stat='dead-letters'] a")).ToHaveAttributeAsync("href", "/webhooks");
        await Expect(demo.Locator("[data-stat='refused'] a")).ToHaveAttributeAsync("href", "/webhooks");
        await Expect(demo.GetByRole(AriaRole.Link, new() { Name = "demo", Exact = true })).ToHaveAttributeAsync("href", "/connections/demo");
        await Expect(Page.Locator("#outbound-health")).ToContainTextAsync("no endpoint");
        await Expect(Page.Locator("#outbound-health [data-stat='failing-deliveries'] a")).ToHaveAttributeAsync("href", "/outbound");
        // The demo queues every hire as new: the review queue is what waits for a person.
        await Expect(Page.Locator("#attention li[data-attention='new-hires'][data-connection='demo'] a")).ToHaveAttributeAsync("href", "/new-hires/demo");
        await AssertPageIsCleanAsync();

        // The mirror's streams are there, folded away.
        var mirror = Page.Locator("details.mirror-details[data-connection='demo']");
        await Expect(mirror.Locator("table")).ToBeHiddenAsync();
        await mirror.Locator("summary").ClickAsync();
        await Expect(mirror.Locator("table")).ToContainTextAsync("candidates");
        await AssertPageIsCleanAsync();

        await steps.GetByRole(AriaRole.Link, new() { Name = "Add your Ashby connection" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections$"));
    }

    [Fact]
    public async Task Every_feature_is_built_and_on_for_the_demo_key()
    {
        await Page.GotoAsync("/");

        var features = Page.Locator("#features");
        await Expect(features).Not.ToContainTextAsync("Not built yet");
        foreach (var feature in new[] { "New hires", "Open roles", "Dedupe and upload", "Hired-applicant exports", "User directory and hiring teams" })
        {
            await Expect(features.Locator($"tr[data-feature='{feature}']")).ToContainTextAsync("On");
        }

        await Expect(features.Locator("tr[data-feature='Webhook registration']")).ToContainTextAsync("On");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task A_new_hire_arriving_in_ashby_shows_on_the_open_home_page_without_a_reload()
    {
        using var admin = Hub.CreateClient();
        (await admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/runs", Ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(60), "acme's first pass");
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires", Ct)).GetArrayLength();

        await Page.GotoAsync("/");
        var waiting = Page.Locator("#health article[data-connection='acme'] [data-stat='new-hires'] a");
        await Expect(waiting).ToHaveTextAsync(new Regex($"^{before}\\b"));
        await Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        var (applicationId, _) = await ashby.ActiveApplicationAsync(Ct);
        using var control = new HttpClient { BaseAddress = new Uri(ashby.BaseUrl, "_emulator/") };
        (await control.PostAsJsonAsync($"applications/{applicationId}/hire", new { startDate = "2027-07-01" }, Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/connections/acme/sync", new { }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires", Ct),
            hires => hires.GetArrayLength() == before + 1, TimeSpan.FromSeconds(60), "the new hire in acme's queue");

        await Expect(waiting).ToHaveTextAsync(new Regex($"^{before + 1}\\b"), new() { Timeout = 15_000 });
        await Expect(Page.Locator("#attention li[data-attention='new-hires'][data-connection='acme']")).ToContainTextAsync($"{before + 1}");
        (await Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).ShouldBeTrue("the page was redrawn in place, not reloaded");
        // The navigation's count of new hires waiting (every visible connection's) shows too.
        var count = Page.Locator(".site-nav .count[data-count='newHires']");
        await Expect(count).ToBeVisibleAsync();
        await Expect(count).ToHaveTextAsync(new Regex("^[1-9]\\d*$"));
        await Expect(waiting).ToHaveAttributeAsync("href", "/new-hires/acme");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task A_connection_asks_for_its_webhooks_until_they_are_registered_then_nothing_is_left_to_set_up()
    {
        using var admin = Hub.CreateClient();
        (await admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();

        await Page.GotoAsync("/");
        var steps = Page.Locator("#next-steps");
        await Expect(steps.Locator("li[data-step='AddConnection']")).ToHaveCountAsync(0); // a real connection exists
        var register = steps.Locator("li[data-step='RegisterWebhooks']");
        await Expect(register).ToContainTextAsync("Register webhooks for acme");
        await AssertPageIsCleanAsync();
        await register.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections/acme$"));

        using var registered = await admin.PostAsJsonAsync("/api/connections/acme/webhooks/registrations", new { }, Ct);
        registered.EnsureSuccessStatusCode();
        await Hub.Services.GetRequiredService<OutboundDeliveries>().SetEndpointAsync("https://hr.example/ashbridge", enabled: true, cancellationToken: Ct);

        await Page.GotoAsync("/");
        await Expect(steps).ToBeHiddenAsync();
        await Expect(steps.Locator("li")).ToHaveCountAsync(0);
        var acme = Page.Locator("#health article[data-connection='acme']");
        await Expect(acme.Locator("[data-stat='last-webhook'] time")).ToHaveCountAsync(1); // Ashby pinged each webhook it registered
        await Expect(Page.Locator("#outbound-health")).ToContainTextAsync("on");
        await AssertPageIsCleanAsync();
    }
}

/// <summary>The home page and the API page on a phone: one column, nothing wider than the screen, clean for axe.</summary>
public sealed class HomePagePhoneTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_home_page_fits_a_phone()
    {
        await Page.GotoAsync("/");

        await Expect(Page.Locator("#health article[data-connection='demo']")).ToBeVisibleAsync();
        await Expect(Page.Locator("#next-steps li[data-step='AddConnection']")).ToBeVisibleAsync();
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Home" })).ToHaveAttributeAsync("aria-current", "page");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task The_api_page_fits_a_phone()
    {
        await Page.GotoAsync("/api-docs");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "API", Exact = true, Level = 1 })).ToBeVisibleAsync();
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await AssertPageIsCleanAsync();
    }
}

/// <summary>The API page: what the API is, how to get a token, the OpenAPI document, and the routes grouped by tag.</summary>
public sealed class ApiPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_api_page_explains_tokens_links_the_openapi_document_and_groups_the_routes_by_tag()
    {
        await Page.GotoAsync("/api-docs");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Getting a token" })).ToBeVisibleAsync();
        await Expect(Page.Locator("section[aria-labelledby='api-token']").GetByRole(AriaRole.Link, new() { Name = "Users and tokens" })).ToHaveAttributeAsync("href", "/access");
        var status = Page.Locator("section:has(h3#tag-status)");
        await Expect(status).ToContainTextAsync("/api/overview");
        await Expect(Page.Locator("section:has(h3#tag-connections)")).ToContainTextAsync("Queues a pass behind any running one");
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Route groups" }).GetByRole(AriaRole.Link, new() { Name = "Status" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("#tag-status$"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the command" }).ClickAsync();
        await Expect(Page.Locator("#announcer")).ToContainTextAsync(new Regex("Copied|Selected"));
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "OpenAPI document" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/openapi/v1\\.json$"));
        (await Page.ContentAsync()).ShouldContain("GetOverview");
    }
}
