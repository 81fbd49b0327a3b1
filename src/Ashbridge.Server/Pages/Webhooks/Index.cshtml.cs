using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Webhooks;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Webhooks;

/// <summary>The webhook inbox across connections: the latest events and their state, refusals, and dead letters to replay.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, ConnectionWebhooks webhooks) : PageModel
{
    public const int Shown = 50;

    public IReadOnlyList<WebhookInboxOverview> Inboxes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Inboxes = await webhooks.InboxesAsync(await access.VisibleAsync(User, ct), Shown, ct);
}
