using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Connections;

/// <summary>The connections, each with its last pass, and the form that adds one (its pre-flight runs before anything is stored).</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, ConnectionAdministration admin, Ashbridge.Core.Access.AuditLog audit) : PageModel
{
    public IReadOnlyList<ConnectionSummary> Rows { get; private set; } = [];

    [BindProperty]
    public AddForm Add { get; set; } = new();

    /// <summary>Why the last add failed, shown above the form (the key itself is never echoed back).</summary>
    public ConnectionRefusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsHubAdmin()) return Forbid();
        Uri? baseUrl = null;
        if (!string.IsNullOrWhiteSpace(Add.BaseUrl) && !Uri.TryCreate(Add.BaseUrl.Trim(), UriKind.Absolute, out baseUrl))
        {
            Refusal = new ConnectionRefusal(ConnectionRefusalKind.Invalid, "The base URL is not a URL", "Give an absolute URL such as https://api.ashbyhq.com, or leave it empty.");
        }
        else
        {
            var added = await admin.AddAsync(Add.Name.Trim(), baseUrl, Add.ApiKey, ct);
            if (added.Succeeded)
            {
                await audit.WriteAsync(User.Actor(), "connection.add", added.Connection.Name, added.Connection.BaseUrl.ToString(), ct);
                return RedirectToPage("Detail", new { name = added.Connection.Name, added = true });
            }

            Refusal = added.Refusal;
        }

        Add.ApiKey = "";
        Response.StatusCode = ConnectionRefusals.StatusOf(Refusal!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Rows = await admin.SummariesAsync(await access.VisibleAsync(User, ct), ct);

    public sealed class AddForm
    {
        public string Name { get; set; } = "";

        public string BaseUrl { get; set; } = "";

        public string ApiKey { get; set; } = "";
    }
}
