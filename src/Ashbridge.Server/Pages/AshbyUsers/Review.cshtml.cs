using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.AshbyUsers;

/// <summary>
/// The access review of a connection's Ashby users: who still has access but is not in the hub's directory, who was
/// offboarded here and is still enabled, who is an admin, who is idle; with exports, and (for hub admins) the weekly
/// e-mail's settings and a "send now".
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class ReviewModel(ConnectionAccess access, AccessReview review, AccessReviewDigest digest) : PageModel
{
    public Connection Connection { get; private set; } = null!;

    public AccessReviewReport Report { get; private set; } = null!;

    public AccessReviewEmail? Email { get; private set; }

    [BindProperty]
    public bool Weekly { get; set; }

    [BindProperty]
    public string? Recipients { get; set; }

    /// <summary>Why the e-mail settings were not saved.</summary>
    public string? EmailProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string connection, CancellationToken ct) =>
        await LoadAsync(connection, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEmailAsync(string connection, CancellationToken ct)
    {
        if (!User.IsHubAdmin()) return Forbid();
        if (!await LoadAsync(connection, ct)) return NotFound();
        var list = (Recipients ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            await digest.SaveAsync(Connection.Id, Weekly, list, User.Actor(), ct);
        }
        catch (ArgumentException ex)
        {
            EmailProblem = ex.Message.Split(" (Parameter", 2)[0];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData.Ok(Weekly ? $"The access review will be e-mailed weekly to {string.Join(", ", list)}." : "The weekly access review e-mail is off.");
        return RedirectToPage("/AshbyUsers/Review", new { connection });
    }

    public async Task<IActionResult> OnPostSendAsync(string connection, CancellationToken ct)
    {
        if (!User.IsHubAdmin()) return Forbid();
        if (!await LoadAsync(connection, ct)) return NotFound();
        var notice = await digest.SendAsync(Connection.Id, ct);
        if (notice.EmailError is { } error) TempData.Warn($"The review was posted to Notices, but the e-mail failed: {error}");
        else TempData.Ok(notice.EmailedAt is null ? "The review was posted to Notices (no e-mail: no recipients or no mail server)." : "The review was posted to Notices and e-mailed.");
        return RedirectToPage("/AshbyUsers/Review", new { connection });
    }

    private async Task<bool> LoadAsync(string connection, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return false;
        Connection = c;
        Report = await review.ReviewAsync(c.Id, ct);
        if (User.IsHubAdmin())
        {
            Email = await digest.SettingsAsync(c.Id, ct);
            if (Request.Method == HttpMethods.Get)
            {
                Weekly = Email.Weekly;
                Recipients = string.Join(", ", Email.Recipients);
            }
        }

        return true;
    }
}
