using Ashbridge.Core.Members;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Members;

/// <summary>One member: their fields, whether they were delivered outward, and (for admins) the edit, offboard and reinstate forms.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class DetailModel(MemberDirectory directory, MemberLifecycle lifecycle, OutboundDeliveries outbound) : PageModel
{
    public Member Member { get; private set; } = null!;

    public bool JustAdded { get; private set; }

    public bool MayChange { get; private set; }

    /// <summary>The member's deliveries, newest first.</summary>
    public IReadOnlyList<OutboundDelivery> Deliveries { get; private set; } = [];

    /// <summary>Whether an endpoint is set (to say why a member was never sent).</summary>
    public bool EndpointSet { get; private set; }

    [BindProperty]
    public EditForm Edit { get; set; } = new();

    [BindProperty]
    public string? LastDay { get; set; }

    /// <summary>Refusals by field name (<c>personal_email</c>, <c>offboard_date</c>; "" for the form as a whole).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Which form the errors belong to: "edit" or "offboard".</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, int? added, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        JustAdded = added == 1;
        Edit = EditForm.From(Member);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        try
        {
            var change = new MemberChange(Edit.FirstName ?? "", Edit.LastName ?? "", Edit.PersonalEmail ?? "", Edit.PersonalPhone ?? "", Edit.StartDate ?? "",
                Edit.JobTitle ?? "", Edit.Department ?? "", Edit.PlaceOfWork ?? "");
            if (await lifecycle.UpdateAsync(id, change, User.Actor(), ConnectionAccess.VisibleIds(User), ct) is not { } saved) return NotFound();
            TempData.Ok($"Saved {saved.Name}'s details.");
            return RedirectToPage(new { id });
        }
        catch (MemberInvalidException ex)
        {
            return await RefuseAsync(id, "edit", ex, ct);
        }
    }

    public async Task<IActionResult> OnPostOffboardAsync(long id, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        try
        {
            if (await lifecycle.OffboardAsync(id, LastDay, User.Actor(), ConnectionAccess.VisibleIds(User), ct) is not { } member) return NotFound();
            TempData.Ok($"Offboarded {member.Name}; their last day is {member.OffboardDate}.");
            return RedirectToPage(new { id });
        }
        catch (MemberInvalidException ex)
        {
            return await RefuseAsync(id, "offboard", ex, ct);
        }
    }

    public async Task<IActionResult> OnPostReinstateAsync(long id, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        try
        {
            if (await lifecycle.ReinstateAsync(id, User.Actor(), ConnectionAccess.VisibleIds(User), ct) is not { } member) return NotFound();
            TempData.Ok($"Reinstated {member.Name}.");
        }
        catch (MemberInvalidException ex)
        {
            TempData.Error(ex.Message);
        }

        return RedirectToPage(new { id });
    }

    /// <summary>The field's error, or null.</summary>
    public string? ErrorOf(string key) => Errors.GetValueOrDefault(key);

    private async Task<IActionResult> RefuseAsync(long id, string form, MemberInvalidException ex, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors = ex.Problems;
        Refused = form;
        if (form != "edit") Edit = EditForm.From(Member);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var member = await directory.GetAsync(id, ct);
        if (member is null || (ConnectionAccess.VisibleIds(User) is { } visible && !visible.Contains(member.ConnectionId ?? -1))) return false;
        Member = User.MaySeeCompensation() ? member : member.WithoutCompensation();
        MayChange = User.MayOperate();
        Deliveries = await outbound.ForMemberAsync(id, 10, ct);
        EndpointSet = await outbound.GetEndpointAsync(ct) is not null;
        return true;
    }

    /// <summary>The edit form's fields, as typed.</summary>
    public sealed class EditForm
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? PersonalEmail { get; set; }

        public string? PersonalPhone { get; set; }

        public string? StartDate { get; set; }

        public string? JobTitle { get; set; }

        public string? Department { get; set; }

        public string? PlaceOfWork { get; set; }

        public static EditForm From(Member member) => new()
        {
            FirstName = member.FirstName, LastName = member.LastName, PersonalEmail = member.PersonalEmail, PersonalPhone = member.PersonalPhone,
            StartDate = member.StartDate, JobTitle = member.JobTitle, Department = member.Department, PlaceOfWork = member.PlaceOfWork,
        };

        /// <summary>The form's fields in order: member field name, form name, label, input type, value, autocomplete.</summary>
        public IEnumerable<(string Key, string Name, string Label, string Type, string? Value, string Autocomplete)> Fields()
        {
            yield return (NewHireFields.FirstName, "Edit.FirstName", "First name", "text", FirstName, "off");
            yield return (NewHireFields.LastName, "Edit.LastName", "Last name", "text", LastName, "off");
            yield return (NewHireFields.PersonalEmail, "Edit.PersonalEmail", "Personal email", "email", PersonalEmail, "off");
            yield return (NewHireFields.PersonalPhone, "Edit.PersonalPhone", "Personal phone", "tel", PersonalPhone, "off");
            yield return (NewHireFields.StartDate, "Edit.StartDate", "Employment start date", "date", StartDate, "off");
            yield return (NewHireFields.JobTitle, "Edit.JobTitle", "Job title", "text", JobTitle, "off");
            yield return (NewHireFields.Department, "Edit.Department", "Department", "text", Department, "off");
            yield return (NewHireFields.PlaceOfWork, "Edit.PlaceOfWork", "Place of work", "text", PlaceOfWork, "off");
        }
    }
}
