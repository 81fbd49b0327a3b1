using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Tests.Dedupe;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_sourcer_checks_a_prospect_uploads_it_as_a_new_candidate_found_in_Ashby_then_merges_another_into_the_match()
    {
        var known = await WaitForIndexAsync();
        var first = $"{known.FirstName.ToLowerInvariant()}.{known.LastName.ToLowerInvariant()}@new-mail.example";
        await Page.GotoAsync("/dedupe/demo");

        // The same name with another email: the match says so, and the sourcer decides it is someone else.
        await FillAsync(known, first);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync();
        var match = Page.Locator($"#matches li.match[data-candidate='{known.CandidateId}']");
        await Expect(match).ToContainTextAsync("same name, different email");
        await Expect(Page.Locator("#write-permission")).ToHaveCountAsync(0);
        await AssertPageIsCleanAsync();

        // Merge needs a chosen match: said beside the list, the page (and what was typed) kept.
        var refused = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Merge with selected profile" }).ClickAsync(), r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(Page.Locator("#choose-error")).ToHaveTextAsync("Choose the match to merge the prospect into.");
        await Expect(Page.GetByLabel("Emails", new() { Exact = true })).ToHaveValueAsync(first);
        await AssertPageIsCleanAsync();

        // Upload as new, with a job (offered jobs only), a tag, a source and a credited user.
        var job = await SelectSecondAsync("Job");
        await SelectSecondAsync("Tag");
        await SelectSecondAsync("Source (new candidates)");
        await SelectSecondAsync("Credited to (new candidates)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload as new candidate" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dedupe/demo$")); // redirected: a refresh uploads nothing
        await Expect(Page.Locator("#write-result")).ToContainTextAsync("Uploaded as candidate");
        await Expect(Page.Locator("#write-result")).ToContainTextAsync("Tagged");
        var candidateId = (await Page.Locator("#result-candidate").InnerTextAsync()).Trim();
        var applicationId = (await Page.Locator("#result-application").InnerTextAsync()).Trim();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy id" }).ClickAsync();
        await Expect(Page.Locator("#announcer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Copied|Selected"));
        await AssertPageIsCleanAsync();

        // In Ashby (the demo's emulator): the candidate with the email, tag, source and credit, applied to the job as New Lead.
        var live = await DedupeScenario.AshbyAsync(Hub, "candidate.info", new JsonObject { ["id"] = candidateId }, Ct);
        live["name"]!.GetValue<string>().ShouldBe($"{known.FirstName} {known.LastName}");
        live["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe(first);
        live["tags"]!.AsArray().Count.ShouldBe(1);
        live["source"].ShouldNotBeNull();
        live["creditedToUser"].ShouldNotBeNull();
        var application = await DedupeScenario.AshbyAsync(Hub, "application.info", new JsonObject { ["applicationId"] = applicationId }, Ct);
        application["job"]!["id"]!.GetValue<string>().ShouldBe(job);
        application["currentInterviewStage"]!["type"]!.GetValue<string>().ShouldBe("Lead");

        // The same prospect again: Ashby has the email now (the mirror may not yet), so the upload is refused naming it.
        await FillAsync(known, first);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync();
        var again = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Upload as new candidate" }).ClickAsync(), r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        again.Status.ShouldBe(422);
        await Expect(Page.Locator("#write-error")).ToContainTextAsync($"Already in Ashby. Ashby already has {known.FirstName} {known.LastName} ({candidateId})");
        await AssertPageIsCleanAsync();

        // Another email of the known candidate: choose that match and merge, with a tag.
        var second = $"{known.FirstName.ToLowerInvariant()}@second-mail.example";
        await FillAsync(known, second);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync();
        await match.GetByRole(AriaRole.Radio).CheckAsync();
        await SelectSecondAsync("Tag");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Merge with selected profile" }).ClickAsync();
        await Expect(Page.Locator("#write-result")).ToContainTextAsync($"Merged into candidate {known.CandidateId}");
        await Expect(Page.Locator("#write-result")).ToContainTextAsync($"Added email {second}.");
        await AssertPageIsCleanAsync();
        var merged = await DedupeScenario.AshbyAsync(Hub, "candidate.info", new JsonObject { ["id"] = known.CandidateId }, Ct);
        merged["emailAddresses"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()).ShouldContain(second);
        merged["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe(known.Email);
    }

    [Fact]
    public async Task A_key_that_cannot_write_has_its_missing_permission_said_and_the_buttons_disabled()
    {
        var known = await WaitForIndexAsync();
        // The stored key check, as a key without candidatesWrite would have left it.
        var connections = Hub.Services.GetRequiredService<ConnectionStore>();
        var demo = await connections.GetAsync("demo", Ct);
        var preflight = (await connections.LoadPreflightAsync(demo.Id, Ct)).ShouldNotBeNull();
        var permissions = preflight.Key.Permissions.Select(p => p.Permission == "candidatesWrite" ? p with { State = PermissionState.Missing } : p).ToList();
        await connections.SavePreflightAsync(demo.Id, preflight with { Key = preflight.Key with { Permissions = permissions } }, Ct);

        await Page.GotoAsync("/dedupe/demo");
        await FillAsync(known, known.Email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync();
        await Expect(Page.Locator("#write-permission")).ToContainTextAsync("lacks candidatesWrite");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Merge with selected profile" })).ToBeDisabledAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Upload as new candidate" })).ToBeDisabledAsync();
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task A_viewer_may_check_but_sees_why_the_write_buttons_are_disabled()
    {
        var known = await WaitForIndexAsync();
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
        await Expect(viewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connections$"));

        await viewer.GotoAsync("/dedupe/demo");
        await viewer.GetByLabel("Emails", new() { Exact = true }).FillAsync(known.Email);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Check for duplicates" }).ClickAsync();
        await Expect(viewer.Locator($"#matches li.match[data-candidate='{known.CandidateId}']")).ToBeVisibleAsync();
        await Expect(viewer.Locator("#write-permission")).ToContainTextAsync("Your role may check for duplicates but not write to Ashby");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Merge with selected profile" })).ToBeDisabledAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Upload as new candidate" })).ToBeDisabledAsync();
        await watch.AssertCleanAsync();
        watch.Problems.ShouldBeEmpty();
    }

    private async Task<DedupeScenario> WaitForIndexAsync()
    {
        var known = await DedupeScenario.PrepareAsync(Hub, Ct);
        using var admin = Hub.CreateClient();
        await Eventually.ValueAsync(
            async () => await (await admin.PostAsJsonAsync("/api/connections/demo/dedupe/check", new { emails = new List<string> { known.Email } }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct),
            a => a.GetProperty("matches").GetArrayLength() > 0, TimeSpan.FromSeconds(60), "the demo's index");
        return known;
    }

    private async Task FillAsync(DedupeScenario known, string email)
    {
        await Page.GetByLabel("First name").FillAsync(known.FirstName);
        await Page.GetByLabel("Last name").FillAsync(known.LastName);
        await Page.GetByLabel("Emails", new() { Exact = true }).FillAsync(email);
    }

    /// <summary>Chooses the first real option of a select (after its "none"), and says its value.</summary>
    private async Task<string> SelectSecondAsync(string label)
    {
        var select = Page.GetByLabel(label, new() { Exact = true });
        var value = await select.Locator("option").Nth(1).GetAttributeAsync("value");
        await select.SelectOptionAsync(value!);
        return value!;
    }
}
