using Ashbridge.Core.Access;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Errors;

/// <summary>
/// The page a browser sees for an error answer, at the address it asked for (<see cref="ErrorPages"/> re-executes the
/// request here): what happened, in words, and where to go next. It is open to strangers, since a rate limit or an
/// outage reaches them too, and it reads nothing from the database unless it is a refusal (to name the admins to ask).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // a refused form post is re-executed here as a POST
public sealed class StatusModel(UserStore users, ILogger<StatusModel> logger) : PageModel
{
    /// <summary>The status shown, as answered.</summary>
    public int Code { get; private set; }

    /// <summary>The address the person asked for.</summary>
    public string Asked { get; private set; } = "/";

    /// <summary>The id of the request in the hub's log, for a failure.</summary>
    public string RequestId { get; private set; } = "";

    /// <summary>For a refusal: the role the page needs, in words ("an admin").</summary>
    public string Needed { get; private set; } = "an admin";

    /// <summary>For a refusal: the active admins to ask, when they could be read.</summary>
    public IReadOnlyList<string> Admins { get; private set; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>The signed-in person's role, in words.</summary>
    public string Role => User.IsInRole(AccessClaims.AdminRole) ? "admin" : User.IsInRole(AccessClaims.FinanceRole) ? "finance" : "viewer";

    public Task OnGetAsync(int code, CancellationToken ct) => ShowAsync(code, ct);

    public Task OnPostAsync(int code, CancellationToken ct) => ShowAsync(code, ct);

    private async Task ShowAsync(int code, CancellationToken ct)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        RequestId = HttpContext.TraceIdentifier;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Asked = original is null ? Request.Path.Value ?? "/" : original.OriginalPathBase + original.OriginalPath;
        if (Code != StatusCodes.Status403Forbidden) return;

        var policies = original?.Endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy) ?? [];
        Needed = policies.Contains(AccessPolicies.HubAdmin) ? "an admin (hub-wide: people, tokens, the audit log)" : "an admin";
        try
        {
            Admins = [.. (await users.ListAsync(ct)).Where(u => u.Role == UserRole.Admin && !u.Disabled).Select(u => u.Email).Order(StringComparer.Ordinal)];
        }
        catch (System.Data.Common.DbException ex)
        {
            // The refusal stands on its own; the names are a courtesy.
            logger.LogWarning(ex, "The admins could not be read for the access-denied page.");
        }
    }
}
