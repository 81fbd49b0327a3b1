using Ashbridge.Core.OrgChart;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.OrgChart;

/// <summary>Imports people from CSV: a dry run that reports a line per row, then the import itself (all or nothing).</summary>
[Authorize(Policy = AccessPolicies.HubAdmin)]
public sealed class ImportModel(PeopleCsvImport import) : PageModel
{
    /// <summary>The largest file taken, well under the hub's 1 MB body limit.</summary>
    public const long MaxBytes = 900 * 1024;

    public PeopleImportReport? Report { get; private set; }

    public string? FileError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Refuse("Choose a CSV file to import.");
        if (file.Length > MaxBytes) return Refuse("The file is larger than 900 KB; split it and import the parts.");
        var dryRun = !string.Equals(mode, "import", StringComparison.Ordinal);
        string text;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(ct);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Refuse("The file is not UTF-8 text; save it as CSV UTF-8 and try again.");
        }

        Report = await import.ImportAsync(new StringReader(text), dryRun, User.Actor(), ct);
        if (Report.Imported)
        {
            TempData.Ok(Report.Summary);
            return Redirect("/org-chart");
        }

        if (Report.HasErrors) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private PageResult Refuse(string message)
    {
        FileError = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
