using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Access;
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

    /// <summary>Why the last add failed (the key itself is never echoed back).</summary>
    public ConnectionRefusal? Refusal { get; private set; }

    /// <summary>The field <see cref="Refusal"/> is about: <c>Name</c>, <c>ApiKey</c> or <c>BaseUrl</c>.</summary>
    public string? RefusedField { get; private set; }

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
            var added = await admin.AddAsync((Add.Name ?? "").Trim(), baseUrl, Add.ApiKey ?? "", ct);
            if (added.Succeeded)
            {
                await audit.WriteAsync(User.Actor(), "connection.add", added.Connection.Name, added.Connection.BaseUrl.ToString(), ct);
                TempData.Ok("Connection added: its key passed the pre-flight below, and its first pass has started.");
                // since=0: the live progress follows the connection's first pass, whichever trigger started it.
                return RedirectToPage("Detail", new { name = added.Connection.Name, since = 0 });
            }

            Refusal = added.Refusal;
        }

        RefusedField = FieldOf(Refusal!);
        Add.ApiKey = ""; // never sent back to the browser
        ModelState.Remove("Add.ApiKey");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The form field a refusal is about, so its message sits beside it.</summary>
    public static string FieldOf(ConnectionRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind switch
        {
            ConnectionRefusalKind.NameTaken => nameof(AddForm.Name),
            ConnectionRefusalKind.KeyRefused or ConnectionRefusalKind.PermissionMissing => nameof(AddForm.ApiKey),
            ConnectionRefusalKind.AshbyUnreachable or ConnectionRefusalKind.AshbyFailed => nameof(AddForm.BaseUrl),
            _ when refusal.Title.Contains("base URL", StringComparison.OrdinalIgnoreCase) => nameof(AddForm.BaseUrl),
            _ when refusal.Title.Contains("name", StringComparison.OrdinalIgnoreCase) => nameof(AddForm.Name),
            _ => nameof(AddForm.ApiKey),
        };
    }

    private async Task LoadAsync(CancellationToken ct) => Rows = await admin.SummariesAsync(await access.VisibleAsync(User, ct), ct);

    public sealed class AddForm
    {
        public string Name { get; set; } = "";

        public string BaseUrl { get; set; } = "";

        public string ApiKey { get; set; } = "";
    }
}
