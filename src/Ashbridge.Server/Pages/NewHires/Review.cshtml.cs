using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Core.NewHires;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.NewHires;

/// <summary>
/// One new hire: the values imported from Ashby beside the editable ones, what Ashby changed since the last review,
/// what could not be mapped, and suggestions from the values members use; then "Add member" or "Delete this new hire".
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class ReviewModel(ConnectionAccess access, NewHireReview review, NewHireViews views) : PageModel
{
    public Connection Connection { get; private set; } = null!;

    public NewHireDetail Detail { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string connection, string applicationId, CancellationToken ct) =>
        await LoadAsync(connection, applicationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(string connection, string applicationId, Dictionary<string, string?> values, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            await review.SaveAsync(c.Id, applicationId, values ?? [], User.Actor(), ct);
            Notice = "Saved. Ashby's later changes will show here until the next save.";
        }
        catch (NewHireInvalidException ex)
        {
            Problems = ex.Problems;
        }
        catch (NewHireNotFoundException ex)
        {
            Problems = [ex.Message];
        }

        return await LoadAsync(connection, applicationId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddMemberAsync(string connection, string applicationId, Dictionary<string, string?> values, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            await review.SaveAsync(c.Id, applicationId, values ?? [], User.Actor(), ct);
            var member = await review.AddMemberAsync(c.Id, applicationId, User.Actor(), ct);
            return Redirect($"/members/{member.Id}?added=1");
        }
        catch (NewHireInvalidException ex)
        {
            Problems = ex.Problems;
        }
        catch (NewHireNotFoundException ex)
        {
            Problems = [ex.Message];
        }

        return await LoadAsync(connection, applicationId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string connection, string applicationId, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            var name = (await review.GetAsync(c.Id, applicationId, ct))?.DisplayName ?? applicationId;
            await review.DeleteAsync(c.Id, applicationId, User.Actor(), ct);
            return Redirect($"/new-hires/{c.Name}?notice={Uri.EscapeDataString($"Deleted the new hire {name}.")}");
        }
        catch (NewHireNotFoundException ex)
        {
            Problems = [ex.Message];
        }

        return await LoadAsync(connection, applicationId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string connection, string applicationId, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return false;
        if (await review.GetAsync(c.Id, applicationId, ct) is not { } hire) return false;
        Connection = c;
        Detail = await views.DetailAsync(c, hire, User.MaySeeCompensation(), ct);
        return true;
    }
}
