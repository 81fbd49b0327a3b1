using Ashbridge.Core.OrgChart;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.OrgChart;

/// <summary>"Add manager" for one open role, as in The Org: the role, where it sits now (placed, or suggested from the job's hiring manager, and why), and a person to place it under.</summary>
[Authorize(Policy = AccessPolicies.Operate)]
public sealed class PlaceModel(ConnectionAccess access, RolePlacements placements, OrgChartPeople people) : PageModel
{
    public string Connection { get; private set; } = "";

    public RolePlacementView View { get; private set; } = null!;

    /// <summary>Everyone who can be a manager (still in the chart), for the picker.</summary>
    public IReadOnlyList<OrgPerson> Candidates { get; private set; } = [];

    /// <summary>What was typed, kept when it is refused.</summary>
    public string? Manager { get; private set; }

    public string? ManagerError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? connection, string? posting, CancellationToken ct) =>
        await LoadAsync(connection, posting, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? connection, string? posting, string? manager, CancellationToken ct)
    {
        if (!await LoadAsync(connection, posting, ct)) return NotFound();
        Manager = manager?.Trim();
        var email = Manager is { Length: > 0 } typed && typed.LastIndexOf('<') is var open and >= 0 && typed.EndsWith('>') ? typed[(open + 1)..^1] : Manager;
        if (string.IsNullOrEmpty(email)) return Refuse("Choose the person this role reports to.");
        if (await people.FindByEmailAsync(email, ct) is not { } person) return Refuse($"Nobody in the chart has the e-mail address {email}; pick someone from the list.");
        try
        {
            await placements.PlaceAsync(View.Role.ConnectionId, View.Role.PostingId, person.Id, User.Actor(), ct);
        }
        catch (OrgChartNotFoundException ex)
        {
            return Refuse(ex.Message);
        }

        TempData.Ok($"{View.Role.Title} now sits under {person.Name}. It stays there through later imports until you change it.");
        return Redirect(SelfLink());
    }

    public async Task<IActionResult> OnPostSuggestionAsync(string? connection, string? posting, CancellationToken ct)
    {
        if (!await LoadAsync(connection, posting, ct)) return NotFound();
        var back = await placements.ClearAsync(View.Role.ConnectionId, View.Role.PostingId, User.Actor(), ct);
        TempData.Ok(back.Manager is { } m ? $"{View.Role.Title} is back under its suggested manager, {m.Name}." : $"{View.Role.Title} no longer has a placement; nobody matches its hiring manager.");
        return Redirect(SelfLink());
    }

    public string SelfLink() => $"/org-chart/place?connection={Uri.EscapeDataString(Connection)}&posting={Uri.EscapeDataString(View.Role.PostingId)}";

    public string ChartLink() => "/org-chart?find=" + Uri.EscapeDataString(View.FilledBy?.Email ?? View.Role.Title);

    private async Task<bool> LoadAsync(string? connection, string? posting, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(connection) || string.IsNullOrWhiteSpace(posting)) return false;
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return false;
        if (await placements.FindAsync(c.Id, posting, ct) is not { } view) return false;
        Connection = c.Name;
        View = view;
        Candidates = [.. (await people.ListAsync(ct)).Where(p => !p.IsRemoved)];
        return true;
    }

    private PageResult Refuse(string message)
    {
        ManagerError = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
