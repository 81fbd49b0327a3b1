using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Ashbridge.Server.Access;
using Ashbridge.Server.Api;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Connections;

/// <summary>The connections, each with its last pass, and the form that adds one (its pre-flight runs before anything is stored).</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionStore connections, SyncHistory history, ConnectionAdmin admin, Ashbridge.Core.Access.AuditLog audit) : PageModel
{
    public IReadOnlyList<(Connection Connection, SyncRunResult? LastRun)> Rows { get; private set; } = [];

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
            Refusal = new ConnectionRefusal(StatusCodes.Status400BadRequest, "The base URL is not a URL", "Give an absolute URL such as https://api.ashbyhq.com, or leave it empty.");
        }
        else
        {
            var (connection, _, refusal) = await admin.AddAsync(Add.Name.Trim(), baseUrl, Add.ApiKey, ct);
            if (connection is not null)
            {
                await audit.WriteAsync(User.Actor(), "connection.add", connection.Name, connection.BaseUrl.ToString(), ct);
                return RedirectToPage("Detail", new { name = connection.Name, added = true });
            }

            Refusal = refusal;
        }

        Add.ApiKey = "";
        Response.StatusCode = Refusal!.Status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = new List<(Connection, SyncRunResult?)>();
        foreach (var c in (await connections.ListAsync(ct)).Where(User.CanSee))
        {
            var runs = await history.ListRunsAsync(c.Id, 1, ct);
            rows.Add((c, runs.Count > 0 ? runs[0] : null));
        }

        Rows = rows;
    }

    public sealed class AddForm
    {
        public string Name { get; set; } = "";

        public string BaseUrl { get; set; } = "";

        public string ApiKey { get; set; } = "";
    }
}
