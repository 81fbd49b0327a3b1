using Ashbridge.Core.Connections;
using Ashbridge.Core.NewHires;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.NewHires;

/// <summary>
/// One new hire: a form with the values from Ashby (the reviewer's where they changed one), what Ashby changed since the
/// last review, what could not be mapped, suggestions from the values members use; then "Add member", "Save", "Delete
/// this new hire", or "Restore" for a deleted one.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class ReviewModel(ConnectionAccess access, NewHireReview review, NewHireViews views) : PageModel
{
    public Connection Connection { get; private set; } = null!;

    public NewHireDetail Detail { get; private set; } = null!;

    /// <summary>Problems that belong to no one field.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Field key → what is wrong with the value typed there.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>What the reviewer typed, shown again when the form was refused.</summary>
    public IReadOnlyDictionary<string, string?>? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string connection, string applicationId, CancellationToken ct) =>
        await LoadAsync(connection, applicationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(string connection, string applicationId, Dictionary<string, string?> values, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            var hire = await review.SaveAsync(c.Id, applicationId, values ?? [], User.Actor(), ct);
            TempData.Ok($"Saved {hire.DisplayName}. Changes Ashby makes later show here until the next save.");
            return Redirect(Here(c, applicationId));
        }
        catch (NewHireInvalidException ex)
        {
            return await RefusedAsync(connection, applicationId, values, ex, ct);
        }
        catch (NewHireNotFoundException ex)
        {
            return Gone(c, ex);
        }
    }

    public async Task<IActionResult> OnPostAddMemberAsync(string connection, string applicationId, Dictionary<string, string?> values, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            await review.SaveAsync(c.Id, applicationId, values ?? [], User.Actor(), ct);
            var member = await review.AddMemberAsync(c.Id, applicationId, User.Actor(), ct);
            TempData.Ok($"Added {member.Name} as a member.");
            return Redirect($"/members/{member.Id}");
        }
        catch (NewHireInvalidException ex)
        {
            return await RefusedAsync(connection, applicationId, values, ex, ct);
        }
        catch (NewHireNotFoundException ex)
        {
            return Gone(c, ex);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string connection, string applicationId, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            var name = (await review.GetAsync(c.Id, applicationId, ct))?.DisplayName ?? applicationId;
            await review.DeleteAsync(c.Id, applicationId, User.Actor(), ct);
            TempData.Ok($"Deleted the new hire {name}. It is on the Deleted tab if you need it back.");
            return Redirect($"/new-hires/{c.Name}");
        }
        catch (NewHireNotFoundException ex)
        {
            return Gone(c, ex);
        }
    }

    public async Task<IActionResult> OnPostRestoreAsync(string connection, string applicationId, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            var hire = await review.RestoreAsync(c.Id, applicationId, User.Actor(), ct);
            TempData.Ok($"Restored {hire.DisplayName}: the new hire is pending again.");
        }
        catch (NewHireNotFoundException ex)
        {
            TempData.Error(ex.Message);
        }

        return Redirect(Here(c, applicationId));
    }

    /// <summary>The form's value for a field: what was typed when the form was refused, else the value in use.</summary>
    public string? ValueOf(ReviewField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Posted is not null && Posted.TryGetValue(field.Key, out var typed) ? typed : field.Value;
    }

    private async Task<IActionResult> RefusedAsync(string connection, string applicationId, Dictionary<string, string?>? values, NewHireInvalidException ex, CancellationToken ct)
    {
        if (!await LoadAsync(connection, applicationId, ct)) return NotFound();
        FieldErrors = ex.Fields;
        Problems = ex.Fields.Count == 0 ? ex.Problems : [.. ex.Problems.Where(p => !ex.Fields.Keys.Any(k => p.StartsWith(NewHireViews.Label(k) + ":", StringComparison.Ordinal) || p.StartsWith(NewHireViews.Label(k) + " is required", StringComparison.Ordinal)))];
        Posted = values ?? [];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private RedirectResult Gone(Connection c, NewHireNotFoundException ex)
    {
        TempData.Error(ex.Message);
        return Redirect($"/new-hires/{c.Name}");
    }

    private static string Here(Connection c, string applicationId) => $"/new-hires/{c.Name}/review/{Uri.EscapeDataString(applicationId)}";

    private async Task<bool> LoadAsync(string connection, string applicationId, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return false;
        if (await review.GetAsync(c.Id, applicationId, ct) is not { } hire) return false;
        Connection = c;
        Detail = await views.DetailAsync(c, hire, User.MaySeeCompensation(), ct);
        return true;
    }
}
