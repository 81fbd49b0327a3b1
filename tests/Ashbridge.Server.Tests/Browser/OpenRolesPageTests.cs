using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Server.Tests.NewHires;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The Open roles pages in a real browser: the list with its badges and "Add manager", a role's detail with the
/// description as text, Import now with its counts, the history, and the settings (confidential jobs in and out).
/// </summary>
public sealed class OpenRolesPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Import_now_counts_the_settings_are_saved_and_opting_in_shows_the_confidential_role()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);
        var roles = await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles", Ct),
            r => r.GetArrayLength() > 0, TimeSpan.FromSeconds(60), "acme's open roles");
        var unlisted = roles.EnumerateArray().First(r => !r.GetProperty("isListed").GetBoolean());
        var role = roles.EnumerateArray().First(r => r.GetProperty("hiringManager").ValueKind == JsonValueKind.Object && r.GetProperty("isListed").GetBoolean());
        var postingId = role.GetProperty("postingId").GetString()!;

        await Page.GotoAsync("/open-roles/acme");
        var row = Page.Locator($"#roles tr[data-posting='{postingId}']");
        await Expect(row).ToContainTextAsync(role.GetProperty("title").GetString()!);
        await Expect(row).ToContainTextAsync(role.GetProperty("hiringManager").GetProperty("name").GetString()!);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = $"Add manager for {role.GetProperty("title").GetString()}" }))
            .ToHaveAttributeAsync("href", $"/org-chart/place?connection=acme&posting={postingId}");
        await Expect(Page.Locator($"#roles tr[data-posting='{unlisted.GetProperty("postingId").GetString()}']")).ToContainTextAsync("Unlisted");
        await Expect(Page.Locator("#roles")).Not.ToContainTextAsync("Confidential");
        await AssertPageIsCleanAsync();

        // A role's page: the description as text, never Ashby's HTML in the page.
        await row.GetByRole(AriaRole.Link, new() { Name = role.GetProperty("title").GetString()!, Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync(role.GetProperty("title").GetString()!);
        await Expect(Page.Locator("#description")).ToContainTextAsync("What you bring");
        (await Page.Locator("#description strong, #description ul, #description h2").CountAsync()).ShouldBe(0);
        await Expect(Page.Locator("#hiring-team")).ToContainTextAsync("Hiring Manager");
        await AssertPageIsCleanAsync();

        // A confidential job in Ashby, then Import now: counted, but not shown until an admin opts in.
        using (var created = await new HttpClient().PostAsJsonAsync(new Uri(ashby.BaseUrl, "_emulator/jobs"), new { title = "Head of Stealth", confidential = true }, Ct))
        {
            created.EnsureSuccessStatusCode();
        }

        await Page.GotoAsync("/open-roles/acme");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import now" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Imported the open roles: 0 new, 0 changed, 0 closed.");
        await Expect(Page.Locator("#history tbody tr").First).ToContainTextAsync("Import now");
        await Expect(Page.Locator("#roles")).Not.ToContainTextAsync("Head of Stealth");

        // A bad threshold is refused beside its field, what was typed kept.
        await Page.GetByLabel("Alert when the data is older than (minutes)").FillAsync("soon");
        await Page.GetByLabel("E-mail import notices to").FillAsync("hr@example.com\nops@example.com");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.Locator("#staleAfterMinutes-error")).ToContainTextAsync("whole number of minutes");
        await Expect(Page.GetByLabel("E-mail import notices to")).ToHaveValueAsync("hr@example.com\nops@example.com");
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Include confidential jobs").CheckAsync();
        await Page.GetByLabel("Public careers feed").CheckAsync();
        await Page.GetByLabel("Alert when the data is older than (minutes)").FillAsync("720");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Saved the open-roles settings.");
        var secret = Page.Locator("#roles tr", new() { HasText = "Head of Stealth" });
        await Expect(secret).ToContainTextAsync("Confidential");
        await Expect(Page.GetByLabel("Include confidential jobs")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Alert when the data is older than (minutes)")).ToHaveValueAsync("720");
        await AssertPageIsCleanAsync();

        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles/settings", Ct);
        settings.GetProperty("publicFeed").GetBoolean().ShouldBeTrue();
        settings.GetProperty("notifyEmails").EnumerateArray().Select(e => e.GetString()).ShouldBe(["hr@example.com", "ops@example.com"]);
    }
}
