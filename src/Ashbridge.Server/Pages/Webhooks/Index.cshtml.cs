using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Webhooks;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Webhooks;

/// <summary>
/// The webhook inbox across the connections one may see: every event, filtered by connection and state and paged in
/// the database, the refusals per connection, and dead letters to replay (for those who may operate).
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, WebhookInbox inbox) : PageModel
{
    /// <summary>Events per page.</summary>
    public const int PageSize = 50;

    /// <summary>The connections one may see, for the filter.</summary>
    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    /// <summary>The connections listed: all visible, or the one filtered on.</summary>
    public IReadOnlyList<Connection> Shown { get; private set; } = [];

    /// <summary>Refused deliveries of the connections listed, for those with any.</summary>
    public IReadOnlyList<(Connection Connection, WebhookRejections Rejections)> Refusals { get; private set; } = [];

    public WebhookEventPage Events { get; private set; } = new([], 0, new Dictionary<WebhookEventState, long>());

    /// <summary>The connection filtered on (its name), or null for all.</summary>
    public string? Connection { get; private set; }

    /// <summary>The state filtered on, or null for all.</summary>
    public WebhookEventState? State { get; private set; }

    /// <summary>The page shown, from 1.</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount => (int)Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    /// <summary>The connection's name for an event.</summary>
    public string NameOf(long connectionId) => Connections.FirstOrDefault(c => c.Id == connectionId)?.Name ?? "?";

    /// <summary>This list's address with some filters changed, for links (filters and paging are in the query).</summary>
    public string Link(string? connection, WebhookEventState? state, int page = 1)
    {
        var query = new List<string>();
        if (connection is not null) query.Add("connection=" + Uri.EscapeDataString(connection));
        if (state is { } s) query.Add("state=" + s.ToString().ToLowerInvariant());
        if (page > 1) query.Add("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/webhooks" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <param name="connection">Only this connection's events (its name).</param>
    /// <param name="state">Only events in this state.</param>
    /// <param name="p">The page, from 1 (<c>page</c> is a name Razor Pages keeps for itself).</param>
    /// <param name="ct">Cancels the request.</param>
    public async Task OnGetAsync(string? connection, string? state, int? p, CancellationToken ct)
    {
        Connections = await access.VisibleAsync(User, ct);
        // An unknown filter value shows everything rather than an error: these come from links and the filter form.
        Connection = Connections.FirstOrDefault(c => c.Name == connection)?.Name;
        State = Enum.TryParse<WebhookEventState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Shown = Connection is null ? Connections : [.. Connections.Where(c => c.Name == Connection)];
        var ids = Shown.Select(c => c.Id).ToList();
        PageNumber = Math.Max(1, p ?? 1);
        Events = await inbox.PageAsync(ids, State, (PageNumber - 1) * PageSize, PageSize, ct);
        if (PageNumber > PageCount)
        {
            PageNumber = PageCount;
            Events = await inbox.PageAsync(ids, State, (PageNumber - 1) * PageSize, PageSize, ct);
        }

        var refusals = new List<(Connection, WebhookRejections)>();
        foreach (var c in Shown)
        {
            var r = await inbox.RejectionsAsync(c.Id, ct);
            if (r.Forged + r.WithoutSignature > 0) refusals.Add((c, r));
        }

        Refusals = refusals;
    }
}
