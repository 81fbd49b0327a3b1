using Ashbridge.Core.Connections;
using Ashbridge.Core.Overview;
using Ashbridge.Server.Access;
using Ashbridge.Server.Api;
using Ashbridge.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages;

/// <summary>
/// The home page: per visible connection its health at a glance and what waits for a person, each linking to the page
/// where it is dealt with; the next steps of a new install; and what the configured key's features are (on, blocked by
/// a named permission, or not built yet). <c>GET /api/overview</c> serves the same data.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ActiveConnection connection, ConnectionAccess access, HubOverview overview) : PageModel
{
    public ActiveConnection Connection => connection;

    public HubOverviewReport Overview { get; private set; } = null!;

    /// <summary>The configured key's features: built ones first, then those not built yet.</summary>
    public IReadOnlyList<FeatureStatus> Features =>
        [.. (connection.Report?.Features ?? []).OrderBy(f => f.Availability == FeatureAvailability.NotBuilt)];

    public async Task OnGetAsync(CancellationToken ct) => Overview = await OverviewApi.ReadAsync(User, connection, access, overview, ct);

    /// <summary>The words and colour of a feature's state.</summary>
    public static (string Text, string Css) State(FeatureStatus feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature.Availability switch
        {
            FeatureAvailability.NotBuilt => ("Not built yet", "info"),
            FeatureAvailability.Blocked => ("Blocked", "warn"),
            _ => ("On", "ok"),
        };
    }

    /// <summary>A connection's path segment.</summary>
    public static string Path(string name) => Uri.EscapeDataString(name);
}
