using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Dedupe;

/// <summary>
/// The duplicate check: a prospect's name, emails, phones, profile URLs and company checked against a connection's
/// candidates, each match with a score bar and its reasons. The form is posted (emails and phones stay out of the
/// address bar and the logs) and answered in place: a check changes nothing, so there is nothing to redirect after.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, DuplicateCheck check) : PageModel
{
    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public Connection? Connection { get; private set; }

    [BindProperty]
    public ProspectForm Form { get; set; } = new();

    /// <summary>The matches of the last check; null before any check.</summary>
    public IReadOnlyList<DuplicateMatch>? Matches { get; private set; }

    /// <summary>What is wrong with the prospect as given.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? connection, CancellationToken ct) =>
        await LoadAsync(connection, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? connection, CancellationToken ct)
    {
        if (!await LoadAsync(connection, ct) || Connection is not { } c) return NotFound();
        try
        {
            Matches = await check.CheckAsync(c.Id, Form.ToProspect(), string.IsNullOrWhiteSpace(Form.Region) ? PhoneKey.DefaultRegion : Form.Region.Trim(), ct);
            return Page();
        }
        catch (DuplicateCheckInvalidException ex)
        {
            Problems = ex.Problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string? connection, CancellationToken ct)
    {
        Connections = [.. await access.VisibleAsync(User, ct)];
        Connection = connection is null ? (Connections.Count > 0 ? Connections[0] : null) : Connections.FirstOrDefault(c => c.Name == connection);
        return connection is null || Connection is not null;
    }

    /// <summary>The form's fields: lists are one value per line.</summary>
    public sealed class ProspectForm
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Emails { get; set; }

        public string? Phones { get; set; }

        public string? Urls { get; set; }

        public string? Company { get; set; }

        public string? Region { get; set; }

        public DuplicateProspect ToProspect() => new(FirstName, LastName, Lines(Emails), Lines(Phones), Lines(Urls), Company);

        private static string[] Lines(string? text) =>
            (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
