using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>The Ashby users pages in a real browser against the demo: a user found by email, added to a job's hiring team, the team seen on the job; the access review and its e-mail.</summary>
public sealed class AshbyUsersPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    /// <summary>An enabled user of the demo with an email, and an open job (from the add form's choices) they are not on.</summary>
    private async Task<(string Email, string JobId, string JobTitle, string RoleId, string RoleTitle)> ScenarioAsync()
    {
        using var admin = Hub.CreateClient();
        await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/runs", Ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(90), "the demo's first pass");
        var choices = await admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/hiring-teams/roles", Ct);
        var job = choices.GetProperty("jobs")[0];
        var role = choices.GetProperty("roles")[0];
        await using var db = await Hub.Services.GetRequiredService<AshbridgeDatabase>().ConnectAsync(Ct);
        var jobJson = await db.ExecuteScalarAsync<string>("SELECT raw_json FROM mirror_jobs WHERE id = @id", new { id = job.GetProperty("id").GetString() });
        var emails = await db.QueryAsync<(string Id, string Email)>("SELECT id, email FROM mirror_users WHERE is_enabled = TRUE AND email IS NOT NULL AND deleted_ms IS NULL ORDER BY id");
        var email = emails.First(u => !jobJson!.Contains(u.Id, StringComparison.Ordinal)).Email;
        return (email, job.GetProperty("id").GetString()!, job.GetProperty("title").GetString()!, role.GetProperty("id").GetString()!, role.GetProperty("title").GetString()!);
    }

    [Fact]
    public async Task An_operator_finds_a_user_by_email_adds_them_to_a_jobs_hiring_team_and_sees_the_team()
    {
        var (email, jobId, jobTitle, roleId, roleTitle) = await ScenarioAsync();

        await Page.GotoAsync("/ashby-users");
        await Expect(Page.Locator("#users tbody tr").First).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();

        // Find by email (case ignored), enabled only.
        await Page.GetByLabel("Email or name").FillAsync(email.ToUpperInvariant());
        await Page.GetByLabel("Enabled only").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator("#users tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator($"#users tr[data-email='{email}']")).ToContainTextAsync("Enabled");
        var csv = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        csv.SuggestedFilename.ShouldBe("ashby-users-demo.csv");
        (await File.ReadAllTextAsync((await csv.PathAsync())!, Ct)).ShouldContain(email);
        var json = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Export JSON" }).ClickAsync());
        json.SuggestedFilename.ShouldBe("ashby-users-demo.json");
        await AssertPageIsCleanAsync();

        // An application that does not exist: refused beside the form, what was typed kept, nothing sent.
        await Page.GetByLabel("User's email").FillAsync(email);
        await Page.GetByLabel("an application").CheckAsync();
        await Page.GetByLabel("Application id").FillAsync("no-such-application");
        var refused = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Add to the team" }).ClickAsync(), r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(Page.Locator("#add-refused")).ToContainTextAsync("There is no application no-such-application");
        await Expect(Page.GetByLabel("User's email")).ToHaveValueAsync(email);
        await AssertPageIsCleanAsync();

        // The job, with a role: added, and the job's team shows them.
        await Page.GetByLabel("a job").CheckAsync();
        await Page.GetByLabel("Job", new() { Exact = true }).SelectOptionAsync(jobId);
        await Page.GetByLabel("Role").SelectOptionAsync(roleId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add to the team" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/ashby-users/demo\\?job={jobId}$"));
        await Expect(Page.Locator("#flash")).ToContainTextAsync($"as {roleTitle} to the hiring team of {jobTitle}");
        await Expect(Page.Locator("#job-team-title")).ToContainTextAsync(jobTitle);
        await Expect(Page.Locator($"#job-team tr[data-email='{email}']")).ToContainTextAsync(roleTitle);
        await AssertPageIsCleanAsync();

        // The user's row links to the job's team.
        await Page.GetByLabel("Email or name").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Page.Locator($"#users tr[data-email='{email}']").GetByRole(AriaRole.Link, new() { Name = jobTitle }).ClickAsync();
        await Expect(Page.Locator($"#job-team tr[data-email='{email}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_access_review_lists_findings_exports_them_and_a_hub_admin_sets_and_sends_the_weekly_email()
    {
        await ScenarioAsync();
        await Page.GotoAsync("/ashby-users/demo");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Access review" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/ashby-users/demo/review$"));
        await Expect(Page.Locator("#privileged")).ToBeVisibleAsync();
        await Expect(Page.Locator("#stat-users")).Not.ToHaveTextAsync("0");
        await AssertPageIsCleanAsync();
        var csv = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        (await File.ReadAllTextAsync((await csv.PathAsync())!, Ct)).ShouldStartWith("finding,email");
        var json = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Export JSON" }).ClickAsync());
        json.SuggestedFilename.ShouldBe("ashby-access-review-demo.json");

        // A bad recipient is refused beside the field.
        await Page.GetByLabel("Send it weekly").CheckAsync();
        await Page.GetByLabel("Recipients").FillAsync("it@example.com, not-an-address");
        var refused = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(Page.Locator("#email-problem")).ToContainTextAsync("“not-an-address” is not an e-mail address.");
        await Expect(Page.GetByLabel("Recipients")).ToHaveValueAsync("it@example.com, not-an-address");
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Recipients").FillAsync("it@example.com");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("e-mailed weekly to it@example.com");
        await Expect(Page.GetByLabel("Send it weekly")).ToBeCheckedAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send now" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Send the access review now?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send now" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("The review was posted to Notices");
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "All users" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/ashby-users/demo$"));
    }
}
