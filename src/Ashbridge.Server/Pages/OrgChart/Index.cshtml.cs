using Ashbridge.Core.OrgChart;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.OrgChart;

/// <summary>The org chart drawn as a tree (the page's script reads <c>GET /api/org-chart</c>), with a department filter and exports.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(OrgChartBuilder builder) : PageModel
{
    public string? Department { get; private set; }

    public OrgChartView Chart { get; private set; } = null!;

    /// <summary>A node to reveal when the page opens (after placing a role), or a search to run.</summary>
    public string? Find { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? department, string? find, CancellationToken ct)
    {
        Department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        Find = string.IsNullOrWhiteSpace(find) ? null : find.Trim();
        // The counts and departments; the nodes themselves are drawn from the API by the page's script.
        Chart = await builder.BuildAsync(Department, ConnectionAccess.VisibleIds(User), ct);
        return Page();
    }

    /// <summary>The chart's API address for this view, in a format.</summary>
    public string ApiLink(string? format = null)
    {
        var query = new List<string>();
        if (Department is not null) query.Add("department=" + Uri.EscapeDataString(Department));
        if (format is not null) query.Add("format=" + format);
        return "/api/org-chart" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
