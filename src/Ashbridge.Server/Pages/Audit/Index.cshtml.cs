using Ashbridge.Core.Access;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Audit;

/// <summary>
/// The audit log: sign-ins, tokens, users, connections and webhook changes, newest first, filtered by who, what and on
/// what, a page at a time (the database filters and pages; the log can be long).
/// </summary>
[Authorize(Policy = AccessPolicies.HubAdmin)]
public sealed class IndexModel(AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)] // not "page": Razor Pages route values use that name
    public int PageNumber { get; set; } = 1;

    /// <summary>Entries per page; a test may ask for fewer.</summary>
    [BindProperty(Name = "size", SupportsGet = true)]
    public int PageSize { get; set; } = AuditQuery.DefaultPageSize;

    public AuditPage Result { get; private set; } = new([], 0, 1, AuditQuery.DefaultPageSize);

    /// <summary>The actions in the log, for the filter.</summary>
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Actor) || !string.IsNullOrWhiteSpace(Action) || !string.IsNullOrWhiteSpace(Target);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actions = await audit.ActionsAsync(ct);
        Result = await audit.SearchAsync(new AuditQuery(Actor, Action, Target, PageNumber, PageSize), ct);
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["actor"] = string.IsNullOrWhiteSpace(Actor) ? null : Actor,
            ["action"] = string.IsNullOrWhiteSpace(Action) ? null : Action,
            ["target"] = string.IsNullOrWhiteSpace(Target) ? null : Target,
            ["size"] = PageSize == AuditQuery.DefaultPageSize ? null : PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/audit", query.Where(p => p.Value is not null)!);
    }
}
