using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.OpenRoles;

/// <summary>One open role: its posting, job, openings and hiring team; the description as plain text (Ashby's HTML is never put into the page).</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class RoleModel(ConnectionAccess access, OpenRoleCatalog catalog, OpenRolePolicy policy) : PageModel
{
    public Connection Connection { get; private set; } = null!;

    public OpenRole Role { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string connection, string postingId, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        if (await catalog.FindAsync(c.Id, postingId, ct) is not { } role) return NotFound();
        if (role.IsConfidential && !(await policy.GetAsync(c.Id, ct)).IncludeConfidential) return NotFound();
        (Connection, Role) = (c, role);
        return Page();
    }

    /// <summary>The description's paragraphs (blank lines apart in Ashby's plain text).</summary>
    public IEnumerable<string> Paragraphs =>
        (Role.DescriptionPlain ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
