using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Server.Tests.Dedupe;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>The Dedupe page in a real browser: a prospect checked against the demo's candidates, the matches explained; bad input answered beside the form.</summary>
public sealed class DedupePageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_sourcer_checks_a_prospect_and_sees_the_explained_matches_then_a_malformed_one_is_refused_with_what_was_typed_kept()
    {
        var known = await DedupeScenario.PrepareAsync(Hub, Ct);
        using (var admin = Hub.CreateClient())
        {
            // The index follows the demo's first pass: wait until it has the candidate.
            await Eventually.ValueAsync(
                async () => await (await admin.PostAsJsonAsync("/api/connections/demo/dedupe/check", new { emails = new List<string> { known.Email } }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct),
                a => a.GetProperty("matches").GetArrayLength() > 0, TimeSpan.FromSeconds(60), "the demo's index");
        }

        await Page.GotoAsync("/dedupe");
        await Expect(Page.Locator("#no-check")).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("First name").FillAsync(known.FirstName);
        await Page.GetByLabel("Last name").FillAsync(known.LastName.ToUpperInvariant());
        await Page.GetByLabel("Emails", new() { Exact = true }).FillAsync(known.EmailAsTyped);
        await Page.GetByLabel("Phones", new() { Exact = true }).FillAsync("");
        await Page.GetByLabel("Default region").FillAsync("GB");
        await Page.GetByLabel("LinkedIn, GitHub or website").FillAsync(known.LinkedInAsTyped);
        await Page.GetByLabel("Company").FillAsync("Anywhere Ltd");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync();

        var match = Page.Locator($"#matches li.match[data-candidate='{known.CandidateId}']");
        await Expect(match).ToContainTextAsync($"{known.FirstName} {known.LastName}");
        await Expect(match).ToContainTextAsync($"same LinkedIn (linkedin.com/in/{known.Slug})");
        await Expect(match).ToContainTextAsync($"same email ignoring dots and +tags ({known.Email.ToLowerInvariant()})");
        await Expect(match).ToContainTextAsync("same name");
        await Expect(match.Locator("meter")).ToHaveAttributeAsync("value", "100");
        await Expect(Page.Locator("#matches li.match").First).ToHaveAttributeAsync("data-candidate", known.CandidateId); // strongest first
        await Expect(Page.GetByLabel("Emails", new() { Exact = true })).ToHaveValueAsync(known.EmailAsTyped);
        await AssertPageIsCleanAsync();

        // A malformed email and phone: the page says what is wrong and keeps what was typed.
        await Page.GetByLabel("Emails", new() { Exact = true }).FillAsync("jane@");
        await Page.GetByLabel("Phones", new() { Exact = true }).FillAsync("call me");
        await Page.GetByLabel("LinkedIn, GitHub or website").FillAsync("");
        var refused = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync(), r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(Page.Locator("#prospect-problems")).ToContainTextAsync("'jane@' is not an email address.");
        await Expect(Page.Locator("#prospect-problems")).ToContainTextAsync("'call me' is not a phone number (read in region GB when it has no country code).");
        await Expect(Page.GetByLabel("Phones", new() { Exact = true })).ToHaveValueAsync("call me");
        await AssertPageIsCleanAsync();

        // Nobody like this prospect.
        await Page.GetByLabel("Emails", new() { Exact = true }).FillAsync("zq@nowhere.example");
        await Page.GetByLabel("Phones", new() { Exact = true }).FillAsync("");
        await Page.GetByLabel("First name").FillAsync("Zebediah");
        await Page.GetByLabel("Last name").FillAsync("Quuxworth");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync();
        await Expect(Page.Locator("#no-matches")).ToContainTextAsync("No duplicate found");
        await AssertPageIsCleanAsync();
    }
}
