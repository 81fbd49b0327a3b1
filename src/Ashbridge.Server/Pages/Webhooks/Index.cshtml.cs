using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Webhooks;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Webhooks;

/// <summary>The webhook inbox across connections: the latest events and their state, refusals, and dead letters to replay.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, WebhookInbox inbox) : PageModel
{
    public const int Shown = 50;

    public IReadOnlyList<(Connection Connection, WebhookRejections Rejections, IReadOnlyList<WebhookEvent> Events, int Dead)> Inboxes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var inboxes = new List<(Connection, WebhookRejections, IReadOnlyList<WebhookEvent>, int)>();
        foreach (var c in await access.VisibleAsync(User, ct))
        {
            inboxes.Add((c, await inbox.RejectionsAsync(c.Id, ct), await inbox.RecentAsync(c.Id, null, Shown, ct),
                (await inbox.RecentAsync(c.Id, WebhookEventState.Dead, 1000, ct)).Count));
        }

        Inboxes = inboxes;
    }
}
