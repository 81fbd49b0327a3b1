using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Ashbridge.Server.Tests.NewHires;
using Ashbridge.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The Exports page in a real browser: define an export (a custom field, dates, departments, locations, open openings),
/// preview it, download it as XLSX (opened with the Open XML SDK), CSV and JSON Lines, make a token, copy it, pull with
/// it, revoke it, and remove the export.
/// </summary>
public sealed partial class ExportsPageTests(BrowserFixture browser, EmulatorFixture ashby) : HubPageTest(browser), IClassFixture<BrowserFixture>, IClassFixture<EmulatorFixture>
{
    [GeneratedRegex("/exports\\?id=\\d+$")]
    private static partial Regex ExportUrl();

    [Fact]
    public async Task An_admin_defines_an_export_downloads_the_xlsx_with_the_hire_in_it_and_manages_its_tokens()
    {
        using var admin = Hub.CreateClient();
        await NewHireScenario.ConnectAsync(admin, ashby);
        var (applicationId, _) = (await NewHireScenario.ActiveApplicationsAsync(ashby, 1))[0];
        await NewHireScenario.HireAsync(admin, ashby, [applicationId], startDate: "2031-06-01"); // 100000 USD, the emulator's default salary

        await Page.GotoAsync("/exports");
        await Expect(Page.Locator("#no-exports")).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();

        var define = Page.Locator("#define-export");
        await define.GetByLabel("Name", new() { Exact = true }).FillAsync("Pigment headcount");
        var field = define.Locator("#export-fields input[type=checkbox]").First;
        await field.CheckAsync();
        await define.GetByLabel("Hired from").FillAsync("2000-01-01");
        await define.GetByLabel("Hired to").FillAsync("2100-12-31");
        await define.GetByRole(AriaRole.Button, new() { Name = "Define export" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(ExportUrl());
        var row = Page.Locator($"#preview tr[data-row='{applicationId}']");
        await Expect(row).ToContainTextAsync("2031-06-01");
        await Expect(row).ToContainTextAsync("100000");
        await Expect(Page.Locator("#exports")).ToContainTextAsync("Pigment headcount");
        await AssertPageIsCleanAsync();

        // The XLSX, opened with the Open XML SDK: the hire's row has its start date and salary under their columns.
        var xlsx = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#download-xlsx").ClickAsync());
        xlsx.SuggestedFilename.ShouldBe("Pigment-headcount.xlsx");
        var path = Path.Combine(Hub.DataFolder, "download.xlsx");
        await xlsx.SaveAsAsync(path);
        var sheet = ReadSheet(path);
        var header = sheet[0];
        header.Take(10).ShouldBe(["application_id", "employee_name", "department", "job_id", "job_title", "target_start_date", "actual_start_date", "salary", "salary_currency", "hired_date"]);
        header.Count.ShouldBe(11, "the ten default columns and the chosen field");
        var cells = sheet.Single(r => r[0] == applicationId);
        cells[header.IndexOf("target_start_date")].ShouldBe("2031-06-01");
        cells[header.IndexOf("salary")].ShouldBe("100000");
        cells[header.IndexOf("salary_currency")].ShouldBe("USD");

        var csv = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#download-csv").ClickAsync());
        (await File.ReadAllTextAsync(await csv.PathAsync(), Ct)).ShouldStartWith("application_id,employee_name,");
        var jsonl = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#download-jsonl").ClickAsync());
        (await File.ReadAllTextAsync(await jsonl.PathAsync(), Ct)).ShouldContain($"\"application_id\":\"{applicationId}\"");
        await Page.ReloadAsync();
        await Expect(Page.Locator("#last-run")).ToContainTextAsync("as jsonl");

        // A token bound to this export: made, copied, used, revoked.
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var tokens = Page.Locator("#create-export-token");
        await Expect(Page.Locator("#no-export-tokens")).ToBeVisibleAsync();
        await tokens.GetByLabel("Token name").FillAsync("Pigment nightly");
        await tokens.GetByLabel("includes compensation").CheckAsync();
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Make token" }).ClickAsync();
        var token = await Page.Locator("#new-token").InnerTextAsync();
        token.ShouldStartWith("abx_");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy token" }).ClickAsync();
        await Expect(Page.Locator("#announcer")).ToHaveTextAsync(new Regex("Copied|Selected"));
        await Expect(Page.Locator("#export-tokens")).ToContainTextAsync("included");
        await AssertPageIsCleanAsync();

        using var pigment = Hub.CreateAnonymousClient();
        pigment.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var exportPath = new Uri(Page.Url).PathAndQuery.Replace("/exports?id=", "/api/exports/", StringComparison.Ordinal) + "/rows";
        (await pigment.GetStringAsync(new Uri(exportPath, UriKind.Relative), Ct)).ShouldContain(applicationId);

        await Page.Locator("#export-tokens").GetByRole(AriaRole.Button, new() { Name = "Revoke Pigment nightly" }).ClickAsync();
        await ConfirmAsync("Revoke");
        await Expect(Page.Locator("#export-tokens")).ToContainTextAsync("revoked");
        (await pigment.GetAsync(new Uri(exportPath, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A second export whose filters keep no hire, with the open openings beside: only still-to-hire rows.
        await define.GetByLabel("Name", new() { Exact = true }).FillAsync("Nowhere plan");
        await define.GetByLabel("Departments").FillAsync("No such department");
        await define.GetByLabel("Locations").FillAsync("No such place");
        await define.GetByLabel("add the open openings").CheckAsync();
        await define.GetByRole(AriaRole.Button, new() { Name = "Define export" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(ExportUrl());
        await Expect(Page.Locator("#preview-empty")).ToBeVisibleAsync();
        await Expect(Page.Locator("#exports")).ToContainTextAsync("with open openings");

        // Removed, with a confirmation.
        await Page.Locator("#delete-export").GetByRole(AriaRole.Button, new() { Name = "Remove export" }).ClickAsync();
        await ConfirmAsync("Remove");
        await Expect(Page.Locator("#exports")).Not.ToContainTextAsync("Nowhere plan");
        await Expect(Page.Locator("#exports")).ToContainTextAsync("Pigment headcount");
        await AssertPageIsCleanAsync();
    }

    private async Task ConfirmAsync(string button)
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    private static List<List<string?>> ReadSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString?.Text?.Text : c.CellValue?.Text).ToList())];
    }
}
