using System.Text;
using Ashbridge.Server.Tests.Dedupe;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>Batch upload in a real browser: a CSV uploaded, its mapping changed, a row decided, the batch run with live progress, and the report downloaded.</summary>
public sealed class DedupeBatchPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_sourcer_uploads_a_csv_changes_the_mapping_decides_a_row_runs_it_and_downloads_the_report()
    {
        var known = await DedupeScenario.PrepareAsync(Hub, Ct);
        await Page.GotoAsync("/dedupe/demo");
        await Page.Locator("#batch-upload-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dedupe/demo/batches$"));
        await Expect(Page.Locator("#no-batches")).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();

        // A file in the wrong encoding is refused beside the form.
        await Page.GetByLabel("CSV or XLSX file").SetInputFilesAsync(new FilePayload { Name = "latin1.csv", MimeType = "text/csv", Buffer = Encoding.Latin1.GetBytes("Name,Email\nZoë Ångström,zoe@example.com\n") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Read and plan" }).ClickAsync();
        await Expect(Page.Locator("#upload-problem")).ToContainTextAsync("not UTF-8");

        var csv = $"First name,Last name,Contact\n{known.FirstName},{known.LastName},{known.Email}\nPerpetua,Lindqvist,perpetua@lindqvist.example\nPerpetua,Lindqvist,PERPETUA@lindqvist.example\n";
        await Page.GetByLabel("CSV or XLSX file").SetInputFilesAsync(new FilePayload { Name = "prospects.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Read and plan" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dedupe/demo/batches/\\d+$"));
        await Expect(Page.Locator("#rows tr[data-row='2']")).ToContainTextAsync("needs a person"); // Contact is not mapped yet: only the name is like a candidate's
        await AssertPageIsCleanAsync();

        await Page.GetByLabel("Contact").SelectOptionAsync("email");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change the mapping and plan again" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("planned again");
        await Expect(Page.Locator("#rows tr[data-row='2']")).ToContainTextAsync($"merge into {known.FirstName} {known.LastName}");
        await Expect(Page.Locator("#rows tr[data-row='3']")).ToContainTextAsync("create");
        await Expect(Page.Locator("#rows tr[data-row='4']")).ToContainTextAsync("the same prospect as row 3");

        // A person decides row 2 should be left alone.
        await Page.GetByLabel("Decision for row 2").SelectOptionAsync("skip");
        await Page.Locator("#decide-2").ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Row 2: skip");

        // The tabs narrow the plan.
        await Page.Locator("#plan .tabs a[data-action='create']").ClickAsync();
        await Expect(Page.Locator("#rows tbody tr")).ToHaveCountAsync(1);
        await Page.Locator("#plan .tabs a").First.ClickAsync();
        await Expect(Page.Locator("#rows tbody tr")).ToHaveCountAsync(3);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#state-word")).ToHaveTextAsync("finished", new() { Timeout = 60_000 });
        await Expect(Page.Locator("#outcomes")).ToContainTextAsync("created 1");
        await Expect(Page.Locator("#rows tr[data-row='3']")).ToContainTextAsync("created");
        await Expect(Page.Locator("#rows tr[data-row='2']")).ToContainTextAsync("skipped");
        await AssertPageIsCleanAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#report").ClickAsync());
        var report = await File.ReadAllTextAsync((await download.PathAsync())!, Ct);
        report.ShouldStartWith("row,First name,Last name,Contact,plan,decision,state,outcome");
        report.ShouldContain("perpetua@lindqvist.example");
        report.ShouldContain("skipped by a person");

        await Page.GotoAsync("/dedupe/demo/batches");
        await Expect(Page.Locator("#batches")).ToContainTextAsync("prospects.csv");
        await AssertPageIsCleanAsync();
    }
}
