using Ashbridge.Core.Notices;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Notices;

/// <summary>The hub's notices, newest first (import finished, import failed, data stale), each marked read one by one or all at once.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(NoticeBoard board, NoticeMailer mailer) : PageModel
{
    public const int Listed = 200;

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    public long Unread { get; private set; }

    /// <summary>Whether notices are e-mailed too (a mail server is configured).</summary>
    public bool EmailConfigured => mailer.IsConfigured;

    /// <summary>Whether only unread notices are shown.</summary>
    public bool UnreadOnly { get; private set; }

    public async Task OnGetAsync(bool? unread, CancellationToken ct)
    {
        UnreadOnly = unread ?? false;
        var visible = ConnectionAccess.VisibleIds(User);
        Notices = await board.ListAsync(visible, UnreadOnly, Listed, ct);
        Unread = await board.CountUnreadAsync(visible, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await board.MarkReadAsync(id, ConnectionAccess.VisibleIds(User), ct)) TempData.Ok("The notice is marked read.");
        else TempData.Warn("That notice is no longer there.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        var marked = await board.MarkAllReadAsync(ConnectionAccess.VisibleIds(User), ct);
        TempData.Ok(marked == 0 ? "There was nothing unread." : $"{marked} {(marked == 1 ? "notice" : "notices")} marked read.");
        return RedirectToPage();
    }

    /// <summary>The badge class of a severity.</summary>
    public static string SeverityCss(string severity) => severity switch
    {
        NoticeSeverity.Error => "bad",
        NoticeSeverity.Warning => "warn",
        _ => "info",
    };

    /// <summary>A severity in a word.</summary>
    public static string SeverityText(string severity) => severity switch
    {
        NoticeSeverity.Error => "Error",
        NoticeSeverity.Warning => "Warning",
        _ => "Info",
    };
}
