using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Ashbridge.Server.Access;
using Ashbridge.Server.Api;
using Ashbridge.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages;

/// <summary>The status page: the configured Ashby (or the demo), what its key allows, and each visible connection's mirror.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ActiveConnection connection, ConnectionStore connections, SyncHistory history) : PageModel
{
    public ActiveConnection Connection => connection;

    public IReadOnlyList<StatusApi.MirrorStatus> Mirror { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mirror = await StatusApi.MirrorAsync(User, connections, history, ct);
}
