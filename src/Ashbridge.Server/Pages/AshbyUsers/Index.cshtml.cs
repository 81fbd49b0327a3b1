using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.AshbyUsers;

/// <summary>
/// The Ashby user directory of a connection: users searched by email or name (deactivated ones included), their hiring
/// teams, what changed in the last 30 days, exports; and, for operators, adding a user to a job's or an application's
/// hiring team. After a job-level change the page shows that job's team as the mirror now holds it.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, AshbyUserDirectory directory, HiringTeamWrites writes, TimeProvider time) : PageModel
{
    /// <summary>Most users shown on the page; the export has them all.</summary>
    public const int Shown = 200;

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public Connection? Connection { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Enabled { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Job { get; set; }

    [BindProperty]
    public TeamForm Form { get; set; } = new();

    public IReadOnlyList<DirectoryUser> Users { get; private set; } = [];

    public IReadOnlyList<UserChange> Changes { get; private set; } = [];

    public HiringTeamChoices? Choices { get; private set; }

    public JobHiringTeam? Team { get; private set; }

    /// <summary>Why the last change was refused.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? connection, CancellationToken ct) =>
        await LoadAsync(connection, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string? connection, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (!await LoadAsync(connection, ct) || Connection is not { } c) return NotFound();
        var jobLevel = Form.Level != HiringTeamSeat.ApplicationLevel;
        var target = new HiringTeamTarget(jobLevel ? Form.JobId : null, jobLevel ? null : Form.ApplicationId, Form.Email, Form.RoleId);
        var outcome = await writes.AddAsync(c.Id, target, User.Actor(), ct);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.Refusal.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var where = jobLevel ? $"the hiring team of {Choices?.Jobs.FirstOrDefault(j => j.Id == Form.JobId)?.Title ?? Form.JobId}" : $"the hiring team of application {Form.ApplicationId}";
        var later = outcome.MirrorRefreshed ? "" : " The mirror shows it after the next pass.";
        TempData.Ok($"Added {outcome.User.Name} as {outcome.Role} to {where}.{later}");
        return jobLevel
            ? RedirectToPage("/AshbyUsers/Index", new { connection = c.Name, job = Form.JobId })
            : RedirectToPage("/AshbyUsers/Index", new { connection = c.Name, q = outcome.User.Email });
    }

    private async Task<bool> LoadAsync(string? connection, CancellationToken ct)
    {
        Connections = [.. await access.VisibleAsync(User, ct)];
        Connection = connection is null ? (Connections.Count > 0 ? Connections[0] : null) : Connections.FirstOrDefault(c => c.Name == connection);
        if (connection is not null && Connection is null) return false;
        if (Connection is not { } c) return true;
        Users = await directory.SearchAsync(c.Id, Q, Enabled, Shown, cancellationToken: ct);
        Changes = await directory.ChangesSinceAsync(c.Id, time.GetUtcNow().AddDays(-30), ct);
        Choices = await writes.ChoicesAsync(c.Id, ct);
        if (!string.IsNullOrWhiteSpace(Job)) Team = await directory.JobTeamAsync(c.Id, Job, ct);
        return true;
    }

    /// <summary>The add-to-team form: the user by email, the level, the job or application, the role.</summary>
    public sealed class TeamForm
    {
        public string? Email { get; set; }

        public string Level { get; set; } = HiringTeamSeat.JobLevel;

        public string? JobId { get; set; }

        public string? ApplicationId { get; set; }

        public string? RoleId { get; set; }
    }
}
