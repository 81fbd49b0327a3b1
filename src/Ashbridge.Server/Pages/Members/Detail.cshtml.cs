using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Members;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Members;

/// <summary>One member: the reviewed fields, where they came from, and who added them.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class DetailModel(MemberDirectory directory) : PageModel
{
    public Member Member { get; private set; } = null!;

    public bool JustAdded { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, int? added, CancellationToken ct)
    {
        var member = await directory.GetAsync(id, ct);
        if (member is null || (ConnectionAccess.VisibleIds(User) is { } visible && !visible.Contains(member.ConnectionId ?? -1))) return NotFound();
        Member = User.MaySeeCompensation() ? member : member.WithoutCompensation();
        JustAdded = added == 1;
        return Page();
    }
}
