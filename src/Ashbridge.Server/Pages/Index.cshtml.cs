using Ashbridge.Core.Mirror;
using Ashbridge.Server.Access;
using Ashbridge.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages;

/// <summary>The status page: the configured Ashby (or the demo), what its key allows, and each visible connection's mirror.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ActiveConnection connection, ConnectionAccess access, MirrorOverview mirror) : PageModel
{
    public ActiveConnection Connection => connection;

    public IReadOnlyList<MirrorStatus> Mirror { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mirror = await mirror.StatusAsync(await access.VisibleAsync(User, ct), ct);
}
