using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>A reviewer in a real browser: a hire in Ashby shows on New hires, the missing last name is filled in, the member is added and found in People.</summary>
public sealed class NewHiresPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{


    [Fact]
    public async Task A_hire_in_ashby_appears_the_reviewer_fills_the_missing_field_adds_the_member_and_finds_them_in_people()
    {
        using var admin = Hub.CreateClient();
        (await admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/runs", Ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(60), "acme's first pass");

        // A candidate known by one name: the last name is missing, for the reviewer to fill in.
        var (applicationId, candidateId) = await ashby.ActiveApplicationAsync(Ct);
        using var control = new HttpClient { BaseAddress = new Uri(ashby.BaseUrl, "_emulator/") };
        (await control.PostAsJsonAsync($"candidates/{candidateId}/edit", new { name = "Prince" }, Ct)).EnsureSuccessStatusCode();
        (await control.PostAsJsonAsync($"applications/{applicationId}/hire", new { startDate = "2027-06-01" }, Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/connections/acme/sync", new { }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => admin.GetAsync(new Uri($"/api/connections/acme/new-hires/{applicationId}", UriKind.Relative), Ct),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the new hire");

        await Page.GotoAsync("/new-hires/acme");
        var row = Page.Locator($"#new-hires tr[data-application='{applicationId}']");
        await Expect(row).ToContainTextAsync("missing fields");
        await row.GetByRole(AriaRole.Link, new() { Name = "Prince" }).ClickAsync();

        await Expect(Page.Locator("tr[data-field='last_name']")).ToContainTextAsync("missing");
        await Expect(Page.Locator("tr[data-field='start_date']")).ToContainTextAsync("2027-06-01");
        await Page.GetByLabel("Last name").FillAsync("Nelson");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/members/\\d+"));
        await Expect(Page.Locator("#added")).ToContainTextAsync("Added Prince Nelson as a member.");
        await Expect(Page.Locator("#member")).ToContainTextAsync("2027-06-01");

        await Page.GotoAsync("/members");
        await Page.GetByLabel("Search people").FillAsync("nelson");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#members")).ToContainTextAsync("Prince Nelson");

        await Page.GotoAsync("/new-hires/acme");
        await Expect(row).ToHaveCountAsync(0);
    }
}
