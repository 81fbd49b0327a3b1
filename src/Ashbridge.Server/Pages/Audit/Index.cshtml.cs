using Ashbridge.Core.Access;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Audit;

/// <summary>The audit log: sign-ins, tokens, users, connections and webhook changes, newest first.</summary>
[Authorize(Policy = AccessPolicies.HubAdmin)]
public sealed class IndexModel(AuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await audit.ListAsync(500, ct);
}
