using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Server.Tests.NewHires;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The New hires pages in a real browser at desktop width: the queue (tabs, search, filters, sorting, flags, add all
/// complete, live rows), the review form (values from Ashby, errors beside fields, suggestions, delete with a
/// confirmation, restore) and the field mapping.
/// </summary>
public partial class NewHiresPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    protected EmulatorFixture Ashby => ashby;

    [GeneratedRegex("/members/\\d+$")]
    private static partial Regex MemberPage();

    [GeneratedRegex("handler=")]
    private static partial Regex Handler();

    [Fact]
    public async Task A_hire_in_ashby_appears_the_reviewer_fills_the_missing_field_adds_the_member_and_finds_them_in_the_directory()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);

        // A candidate known by one name: the last name is missing, for the reviewer to fill in.
        var (applicationId, candidateId) = (await NewHireScenario.ActiveApplicationsAsync(ashby, 1))[0];
        await NewHireScenario.ControlAsync(ashby, $"candidates/{candidateId}/edit", new { name = "Prince" });
        await NewHireScenario.HireAsync(admin, ashby, [applicationId], startDate: "2031-06-01");

        await Page.GotoAsync("/new-hires/acme");
        var row = Page.Locator($"#new-hires tr[data-application='{applicationId}']");
        await Expect(row).ToContainTextAsync("Missing fields");
        await Expect(row).ToContainTextAsync("Missing: Last name"); // by label, not a count
        await AssertPageIsCleanAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Prince", Exact = true }).ClickAsync();

        // Ashby's values are the inputs' values, not placeholders; the missing one says so beside its field.
        await Expect(Page.Locator("[data-field='last_name']")).ToContainTextAsync("Missing");
        await Expect(Page.GetByLabel("Employment start date")).ToHaveValueAsync("2031-06-01");
        await Expect(Page.GetByLabel("Employment start date")).ToHaveAttributeAsync("type", "date");
        await Expect(Page.GetByLabel("Personal email")).ToHaveAttributeAsync("type", "email");
        await Expect(Page.GetByLabel("First name")).ToHaveValueAsync("Prince");
        await Expect(Page.Locator("label[for='f-first-name']")).ToContainTextAsync("(required)");
        await Expect(Page.Locator("#ashby")).ToContainTextAsync(applicationId);
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Last name").FillAsync("Nelson");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(MemberPage());
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Added Prince Nelson as a member.");
        var found = (await admin.GetFromJsonAsync<JsonElement>("/api/members?q=nelson", Ct)).EnumerateArray().ShouldHaveSingleItem();
        found.GetProperty("startDate").GetString().ShouldBe("2031-06-01");

        await Page.GotoAsync("/new-hires/acme");
        await Expect(row).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Added 1" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Prince Nelson");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task Delete_asks_first_cancel_keeps_the_hire_confirming_deletes_it_and_the_deleted_tab_and_the_hires_page_restore_it()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);
        var (applicationId, _) = (await NewHireScenario.ActiveApplicationsAsync(ashby, 1))[0];
        await NewHireScenario.HireAsync(admin, ashby, [applicationId]);
        var name = NewHireScenario.NameOf(await NewHireScenario.GetAsync(admin, applicationId));

        await Page.GotoAsync($"/new-hires/acme/review/{applicationId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete this new hire" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Delete the new hire {name}?");
        await AssertPageIsCleanAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        (await NewHireScenario.GetAsync(admin, applicationId)).GetProperty("state").GetString().ShouldBe("pending");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete this new hire" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/new-hires/acme$")); // Post/Redirect/Get: no handler left to re-send
        await Expect(Page.Locator("#flash")).ToContainTextAsync($"Deleted the new hire {name}.");
        (await NewHireScenario.GetAsync(admin, applicationId)).GetProperty("state").GetString().ShouldBe("deleted");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Deleted 1" }).ClickAsync();
        var row = Page.Locator($"#new-hires tr[data-application='{applicationId}']");
        await Expect(row).ToContainTextAsync("Deleted");
        await AssertPageIsCleanAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Restore {name}" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync($"Restored {name}: the new hire is pending again.");
        await Expect(Page).Not.ToHaveURLAsync(Handler());
        (await NewHireScenario.GetAsync(admin, applicationId)).GetProperty("state").GetString().ShouldBe("pending");

        // Deleted again, and restored from the hire's own page.
        (await admin.DeleteAsync(new Uri($"/api/connections/acme/new-hires/{applicationId}", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        await Page.GotoAsync($"/new-hires/acme/review/{applicationId}");
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Deleted");
        await AssertPageIsCleanAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Restore to pending" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("pending again");
        await Expect(Page.Locator("#status")).Not.ToHaveTextAsync("Deleted");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add member" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_connection_switcher_opens_the_other_connections_queue()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);

        await Page.GotoAsync("/new-hires/acme");
        await Expect(Page.Locator(".lede")).ToContainTextAsync("acme");
        await Page.GetByLabel("Connection").SelectOptionAsync("demo");
        await Expect(Page).ToHaveURLAsync(new Regex("/new-hires/demo$"));
        await Expect(Page.Locator(".lede")).ToContainTextAsync("demo");
        await Expect(Page.GetByLabel("Connection")).ToHaveValueAsync("demo");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task A_refused_form_shows_each_error_beside_its_field_keeps_what_was_typed_and_use_it_fills_a_suggestion_and_save_redirects()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);
        var apps = await NewHireScenario.ActiveApplicationsAsync(ashby, 2);
        await NewHireScenario.HireAsync(admin, ashby, apps.Select(a => a.ApplicationId));

        // A member with the first hire's job title; the second hire's title differs only in case, so it is suggested.
        (await admin.PostAsync(new Uri($"/api/connections/acme/new-hires/{apps[0].ApplicationId}/member", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();
        var title = (await admin.GetFromJsonAsync<JsonElement>("/api/members", Ct)).EnumerateArray().First().GetProperty("jobTitle").GetString()!;
        (await admin.PutAsJsonAsync($"/api/connections/acme/new-hires/{apps[1].ApplicationId}", new { values = new Dictionary<string, string> { ["job_title"] = title.ToUpperInvariant() } }, Ct)).EnsureSuccessStatusCode();

        await Page.GotoAsync($"/new-hires/acme/review/{apps[1].ApplicationId}");
        await Expect(Page.GetByLabel("Job title")).ToHaveValueAsync(title.ToUpperInvariant());
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Use it: {title}", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("Job title")).ToHaveValueAsync(title);

        await Page.GetByLabel("Department").FillAsync("Research Lab");
        await Page.GetByLabel("Personal email").FillAsync("not an address");
        var answer = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync(), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        await Expect(Page.Locator("[data-field='personal_email'] .field-error")).ToContainTextAsync("'not an address' is not an email address.");
        await Expect(Page.GetByLabel("Personal email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("Personal email")).ToHaveValueAsync("not an address");
        await Expect(Page.GetByLabel("Department")).ToHaveValueAsync("Research Lab");
        await Expect(Page.GetByLabel("Job title")).ToHaveValueAsync(title);
        (await Page.ContentAsync()).ShouldNotContain("Parameter");
        await AssertPageIsCleanAsync();

        var email = (await NewHireScenario.GetAsync(admin, apps[1].ApplicationId)).GetProperty("imported").GetProperty("personal_email").GetString()!;
        await Page.GetByLabel("Personal email").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/new-hires/acme/review/{apps[1].ApplicationId}$"));
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Saved");
        await Expect(Page.GetByLabel("Department")).ToHaveValueAsync("Research Lab");
        var saved = await NewHireScenario.GetAsync(admin, apps[1].ApplicationId);
        saved.GetProperty("overrides").GetProperty("department").GetString().ShouldBe("Research Lab");
        saved.GetProperty("overrides").GetProperty("job_title").GetString().ShouldBe(title);
        saved.GetProperty("overrides").TryGetProperty("personal_email", out _).ShouldBeFalse(); // Ashby's own value is not an override
    }

    [Fact]
    public async Task The_queue_searches_filters_sorts_flags_duplicates_and_adds_all_complete_after_asking()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);
        // Phone and salary off, so the twins are complete whatever the emulated candidates have; Aaron, known by one
        // name, misses his last name.
        (await admin.PutAsJsonAsync("/api/connections/acme/new-hires/mapping", new { disabledFields = (string[])["personal_phone", "salary_amount"], customMappings = Array.Empty<object>(), compensationTypes = Array.Empty<object>() }, Ct)).EnsureSuccessStatusCode();
        var apps = await NewHireScenario.ActiveApplicationsAsync(ashby, 3);
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[0].CandidateId}/edit", new { name = "Zed Qzqueuetwin" });
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[1].CandidateId}/edit", new { name = "Zed Qzqueuetwin" });
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[2].CandidateId}/edit", new { name = "Aaronqzqueue" });
        await NewHireScenario.HireAsync(admin, ashby, apps.Take(2).Select(a => a.ApplicationId), startDate: "2020-01-06");
        await NewHireScenario.HireAsync(admin, ashby, [apps[2].ApplicationId], startDate: "2031-01-01");

        // The emulated organisation has hires of its own in the queue: a search keeps to this test's.
        await Page.GotoAsync("/new-hires/acme?q=qzqueue");
        var rows = Page.Locator("#new-hires tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Pending \\d+$") })).ToHaveAttributeAsync("aria-current", "page");
        var twin = Page.Locator($"#new-hires tr[data-application='{apps[0].ApplicationId}']");
        await Expect(twin).ToContainTextAsync("Possible duplicate");
        await Expect(twin).ToContainTextAsync("pending hire Zed Qzqueuetwin");
        await Expect(twin).ToContainTextAsync("Start date in the past");
        await Expect(Page.Locator(".pager")).ToContainTextAsync("3 hires, page 1 of 1");
        await AssertPageIsCleanAsync();

        // Sorting by name from the header: A to Z, then Z to A.
        await Page.Locator("th a.sort", new() { HasText = "Name" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("Aaronqzqueue");
        await Expect(rows.First).ToContainTextAsync("Missing: Last name");
        await Page.Locator("th a.sort", new() { HasText = "Name" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("Zed Qzqueuetwin");
        await Page.Locator("th a.sort", new() { HasText = "Start date" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("2020-01-06");
        await Page.Locator("th a.sort", new() { HasText = "Queued" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);

        // Search, and the filters.
        await Page.GetByLabel("Search").FillAsync("aaronqzqueue");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Aaronqzqueue");
        await Page.GetByLabel("Search").FillAsync("nobody by this name");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(Page.Locator("#no-new-hires")).ToContainTextAsync("No new hire matches");
        await AssertPageIsCleanAsync();
        await Page.Locator("#clear-filters").ClickAsync();
        await Expect(Page.GetByLabel("Search")).ToHaveValueAsync("");
        await Page.GetByLabel("Search").FillAsync("qzqueue");
        await Page.GetByLabel("Needs a look").SelectOptionAsync("duplicate");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Page.GetByLabel("Needs a look").SelectOptionAsync("");
        await Page.GetByLabel("Status").SelectOptionAsync("complete");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Page.GetByLabel("Status").SelectOptionAsync("missing");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Page.GetByLabel("Status").SelectOptionAsync("changed");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(Page.Locator("#no-new-hires")).ToBeVisibleAsync();
        await Page.GetByLabel("Status").SelectOptionAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Add all complete" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Add every complete new hire as a member?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add all complete" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Add all complete" }).ClickAsync();
        // The emulated organisation's own hires are added too: the summary counts them all and names who was left.
        await Expect(Page.Locator("#flash")).ToContainTextAsync(new Regex("^Added \\d+ members; \\d+ needs? fields: .*Aaronqzqueue"));
        await Expect(Page).ToHaveURLAsync(new Regex("/new-hires/acme$"));
        await AssertPageIsCleanAsync();
        await Page.GotoAsync("/new-hires/acme?q=qzqueue");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Aaronqzqueue");
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task A_hire_arriving_while_the_queue_is_open_shows_without_a_reload()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);
        var (applicationId, candidateId) = (await NewHireScenario.ActiveApplicationsAsync(ashby, 1))[0];
        await NewHireScenario.ControlAsync(ashby, $"candidates/{candidateId}/edit", new { name = "Lia Qzlive" });

        // The emulated organisation has hires of its own in the queue: the search keeps to this test's.
        await Page.GotoAsync("/new-hires/acme?q=qzlive");
        await Expect(Page.Locator("#no-new-hires")).ToContainTextAsync("No new hire matches");
        await AssertPageIsCleanAsync();
        await Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await NewHireScenario.HireAsync(admin, ashby, [applicationId]);
        await Expect(Page.Locator($"#new-hires tr[data-application='{applicationId}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        (await Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).ShouldBeTrue();
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task The_mapping_page_saves_with_a_redirect_shows_errors_beside_fields_and_asks_before_removing()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);

        await Page.GotoAsync("/new-hires/acme");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Field mapping" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/new-hires/acme/mapping$"));
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Import Personal phone").UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save fields" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Saved the fields.");
        await Expect(Page).ToHaveURLAsync(new Regex("/mapping$"));
        await Expect(Page.GetByLabel("Import Personal phone")).Not.ToBeCheckedAsync();

        // Refused: no member field name. The error sits beside the field and the choice made is kept.
        await Page.GetByLabel("Ashby custom field").SelectOptionAsync(new SelectOptionValue { Label = "Offer: Signing Bonus" });
        await Page.GetByLabel("Kind of value").SelectOptionAsync(new SelectOptionValue { Label = "Amount and currency" });
        var answer = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Add custom field" }).ClickAsync(), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        await Expect(Page.Locator("#custom-memberField-error")).ToContainTextAsync("Name the member field");
        await Expect(Page.GetByLabel("Member field", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#custom-field option:checked")).ToHaveTextAsync("Offer: Signing Bonus");
        await Expect(Page.Locator("#custom-type option:checked")).ToHaveTextAsync("Amount and currency");
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Member field", new() { Exact = true }).FillAsync("Bonus");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add custom field" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Added the custom field Bonus.");
        await Expect(Page.Locator("#custom-mappings")).ToContainTextAsync("Amount and currency");
        (await Page.ContentAsync()).ShouldNotContain("MemberFieldType");

        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Equity");
        await Page.GetByLabel("Offer field").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add compensation type" }).ClickAsync();
        await Expect(Page.Locator("#compensation-types")).ToContainTextAsync("Equity");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove Bonus" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Page.Locator("#custom-mappings")).ToContainTextAsync("Bonus");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove Bonus" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Removed the custom field.");
        await Expect(Page.Locator("#no-custom")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove Equity" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(Page.Locator("#no-compensation")).ToBeVisibleAsync();

        // The delivery address: refused in people's words, then saved with a new secret shown once.
        await Page.GetByLabel("Address").FillAsync("not a url");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save endpoint" }).ClickAsync();
        await Expect(Page.Locator("#outbound-url-error")).ToContainTextAsync("starting with https://");
        (await Page.ContentAsync()).ShouldNotContain("(Parameter");
        await Expect(Page.GetByLabel("Address")).ToHaveValueAsync("not a url");
        await AssertPageIsCleanAsync();
        await Page.GetByLabel("Address").FillAsync("https://hr.example.test/hooks");
        await Page.GetByLabel("Make a new signing secret").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save endpoint" }).ClickAsync();
        await Expect(Page.Locator("#new-secret")).Not.ToBeEmptyAsync();
        await AssertPageIsCleanAsync();
    }
}

/// <summary>The queue, the review form and the mapping on a phone (390 × 844): everything reachable and nothing axe-core flags.</summary>
public sealed class NewHiresPhonePageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_queue_the_review_form_and_the_mapping_work_on_a_phone()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);
        var (applicationId, _) = (await NewHireScenario.ActiveApplicationsAsync(ashby, 1))[0];
        await NewHireScenario.HireAsync(admin, ashby, [applicationId]);

        await Page.GotoAsync("/new-hires/acme");
        var row = Page.Locator($"#new-hires tr[data-application='{applicationId}']");
        await Expect(row).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Review ") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add member" })).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();
        (await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the review form fits the phone's width");

        await Page.GotoAsync("/new-hires/acme/mapping");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save fields" })).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();
    }
}
