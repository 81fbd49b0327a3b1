using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.NewHires;

/// <summary>
/// The field mapping, as the Humaans table shows it: each Ashby field, the member field, a switch (greyed for the
/// required ones); then custom mappings, compensation types, and where added members are delivered.
/// </summary>
[Authorize(Policy = AccessPolicies.Operate)]
public sealed class MappingModel(ConnectionAccess access, NewHireImporter importer, NewHireViews views, OutboundDeliveries outbound, AuditLog audit) : PageModel
{
    public Connection Connection { get; private set; } = null!;

    public MappingView Mapping { get; private set; } = null!;

    public OutboundEndpoint? Endpoint { get; private set; }

    public IReadOnlyList<OutboundDelivery> Deliveries { get; private set; } = [];

    /// <summary>A signing secret just made: shown on this answer only (never carried through a redirect or a cookie).</summary>
    public string? NewSecret { get; private set; }

    /// <summary>Which form was refused, field name → what is wrong.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>What was typed into the refused form.</summary>
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    /// <summary>The member field types with the words the form shows for them.</summary>
    public static IReadOnlyList<(MemberFieldType Type, string Text)> Types { get; } =
        [(MemberFieldType.Text, "Text"), (MemberFieldType.Number, "Number"), (MemberFieldType.Date, "Date"), (MemberFieldType.Boolean, "Yes or no"), (MemberFieldType.Money, "Amount and currency")];

    public static string TypeText(MemberFieldType type) => Types.FirstOrDefault(t => t.Type == type).Text ?? "Text";

    public async Task<IActionResult> OnGetAsync(string connection, CancellationToken ct) => await LoadAsync(connection, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFieldsAsync(string connection, string[] enabled, CancellationToken ct) =>
        await SaveAsync(connection, s => s with { DisabledFields = [.. NewHireFields.Switchable.Where(k => !(enabled ?? []).Contains(k))] }, "Saved the fields.", "fields", ct);

    public async Task<IActionResult> OnPostAddCustomAsync(string connection, string? field, string? memberField, string? type, CancellationToken ct)
    {
        Typed["custom.field"] = field;
        Typed["custom.memberField"] = memberField;
        Typed["custom.type"] = type;
        var (source, id) = Split(field);
        if (string.IsNullOrEmpty(id)) Errors["custom.field"] = "Choose the Ashby custom field to read.";
        if (string.IsNullOrWhiteSpace(memberField)) Errors["custom.memberField"] = "Name the member field, for example Shirt size.";
        var kind = Types.FirstOrDefault(t => string.Equals(t.Type.ToString(), type, StringComparison.OrdinalIgnoreCase));
        if (kind.Text is null) Errors["custom.type"] = "Choose what kind of value the field holds.";
        if (Errors.Count > 0) return await RefusedAsync(connection, ct);
        return await SaveAsync(connection, s => s with { CustomMappings = [.. s.CustomMappings, new CustomMapping(source, id, memberField!.Trim(), kind.Type)] },
            $"Added the custom field {memberField!.Trim()}.", "custom.memberField", ct);
    }

    public async Task<IActionResult> OnPostRemoveCustomAsync(string connection, int index, CancellationToken ct) =>
        await SaveAsync(connection, s => s with { CustomMappings = [.. s.CustomMappings.Where((_, i) => i != index)] }, "Removed the custom field.", "fields", ct);

    public async Task<IActionResult> OnPostAddCompensationAsync(string connection, string? name, string? field, CancellationToken ct)
    {
        Typed["compensation.name"] = name;
        Typed["compensation.field"] = field;
        if (string.IsNullOrWhiteSpace(name)) Errors["compensation.name"] = "Name the compensation type, for example Signing bonus.";
        if (string.IsNullOrEmpty(Split(field).Id)) Errors["compensation.field"] = "Choose the offer field that holds the amount.";
        if (Errors.Count > 0) return await RefusedAsync(connection, ct);
        return await SaveAsync(connection, s => s with { CompensationTypes = [.. s.CompensationTypes, new CompensationType(name!.Trim(), Split(field).Id)] },
            $"Added the compensation type {name!.Trim()}.", "compensation.name", ct);
    }

    public async Task<IActionResult> OnPostRemoveCompensationAsync(string connection, int index, CancellationToken ct) =>
        await SaveAsync(connection, s => s with { CompensationTypes = [.. s.CompensationTypes.Where((_, i) => i != index)] }, "Removed the compensation type.", "fields", ct);

    public async Task<IActionResult> OnPostOutboundAsync(string connection, string? url, bool enabled, bool rotate, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is null) return NotFound();
        Typed["outbound.url"] = url;
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            Errors["outbound.url"] = "Give the full address your HR system receives webhooks on, starting with https://.";
            return await RefusedAsync(connection, ct);
        }

        string? secret;
        try
        {
            secret = await outbound.SetEndpointAsync(url!.Trim(), enabled, rotate, ct);
        }
        catch (ArgumentException)
        {
            Errors["outbound.url"] = "Give the full address your HR system receives webhooks on, starting with https://.";
            return await RefusedAsync(connection, ct);
        }

        await audit.WriteAsync(User.Actor(), "outbound.set", url, secret is null ? null : "new signing secret", ct);
        if (secret is null)
        {
            TempData.Ok("Saved the delivery endpoint.");
            return Redirect(Here(connection));
        }

        // The one answer that shows a new secret: not a redirect, so the secret never travels in a cookie.
        NewSecret = secret;
        return await LoadAsync(connection, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRetryAsync(string connection, long id, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is null) return NotFound();
        if (await outbound.RetryAsync(id, ct))
        {
            await audit.WriteAsync(User.Actor(), "outbound.retry", $"delivery {id}", null, ct);
            TempData.Ok($"Delivery {id} is sent again.");
        }
        else
        {
            TempData.Warn($"Delivery {id} is not waiting to be sent again.");
        }

        return Redirect(Here(connection));
    }

    /// <summary>The error for a field of a refused form, or null.</summary>
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    private async Task<IActionResult> SaveAsync(string connection, Func<NewHireSettings, NewHireSettings> change, string notice, string errorField, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        var (settings, _) = await importer.GetSettingsAsync(c.Id, ct);
        var changed = change(settings);
        try
        {
            await importer.SaveSettingsAsync(c.Id, changed, null, ct);
        }
        catch (NewHireSettingsException ex)
        {
            Errors[errorField] = ex.Message;
            return await RefusedAsync(connection, ct);
        }

        await audit.WriteAsync(User.Actor(), "new-hire.mapping", c.Name, changed.ToJson(), ct);
        TempData.Ok(notice + " Pending new hires were mapped again.");
        return Redirect(Here(c.Name));
    }

    private async Task<IActionResult> RefusedAsync(string connection, CancellationToken ct)
    {
        if (!await LoadAsync(connection, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static string Here(string connection) => $"/new-hires/{Uri.EscapeDataString(connection)}/mapping";

    private static (CustomFieldSource Source, string Id) Split(string? field) =>
        field?.Split('|', 2) is [var source, var id] && Enum.TryParse<CustomFieldSource>(source, out var s) ? (s, id) : (CustomFieldSource.Offer, "");

    private async Task<bool> LoadAsync(string connection, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return false;
        Connection = c;
        Mapping = await views.MappingAsync(c, ct);
        Endpoint = await outbound.GetEndpointAsync(ct);
        Deliveries = await outbound.ListAsync(20, ct);
        return true;
    }

    /// <summary>The title of an Ashby custom field by id, for the tables.</summary>
    public string FieldTitle(string id) => Mapping.AshbyCustomFields.FirstOrDefault(f => f.Id == id) is { } f ? $"{f.ObjectType}: {f.Title}" : id;
}
