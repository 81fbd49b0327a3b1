using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Members;

/// <summary>The people directory: every member added from a new hire, searchable.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(MemberDirectory directory) : PageModel
{
    public string? Search { get; private set; }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Search = q;
        Members = await directory.ListAsync(q, ConnectionAccess.VisibleIds(User), 500, ct);
    }
}
