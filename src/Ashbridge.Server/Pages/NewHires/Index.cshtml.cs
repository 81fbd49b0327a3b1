using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Core.NewHires;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.NewHires;

/// <summary>The New hires tab: a connection's hires waiting for review (or those added or deleted), with their status.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, NewHireReview review) : PageModel
{
    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public Connection? Connection { get; private set; }

    public NewHireState State { get; private set; }

    public IReadOnlyList<NewHire> Hires { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? connection, NewHireState? state, string? notice, CancellationToken ct)
    {
        Connections = [.. await access.VisibleAsync(User, ct)];
        Connection = connection is null ? (Connections.Count > 0 ? Connections[0] : null) : Connections.FirstOrDefault(c => c.Name == connection);
        if (connection is not null && Connection is null) return NotFound();
        State = state ?? NewHireState.Pending;
        Notice = notice;
        if (Connection is not null) Hires = await review.ListAsync(Connection.Id, State, ct);
        return Page();
    }

    public static string StatusText(NewHireStatus status) => status switch
    {
        NewHireStatus.Complete => "complete",
        NewHireStatus.MissingFields => "missing fields",
        NewHireStatus.ChangedSinceReview => "changed since review",
        NewHireStatus.Added => "added",
        _ => "deleted",
    };

    public static string StatusClass(NewHireStatus status) => status switch
    {
        NewHireStatus.Complete or NewHireStatus.Added => "ok",
        NewHireStatus.MissingFields or NewHireStatus.ChangedSinceReview => "warn",
        _ => "muted",
    };
}
