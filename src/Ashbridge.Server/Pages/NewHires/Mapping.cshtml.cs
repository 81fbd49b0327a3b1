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

    /// <summary>A signing secret just made: shown on this answer only.</summary>
    public string? NewSecret { get; private set; }

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string connection, CancellationToken ct) => await LoadAsync(connection, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostFieldsAsync(string connection, string[] enabled, CancellationToken ct) =>
        SaveAsync(connection, s => s with { DisabledFields = [.. NewHireFields.Switchable.Where(k => !(enabled ?? []).Contains(k))] }, "Saved the fields.", ct);

    public Task<IActionResult> OnPostAddCustomAsync(string connection, string field, string memberField, MemberFieldType type, CancellationToken ct)
    {
        var (source, id) = Split(field);
        return SaveAsync(connection, s => s with { CustomMappings = [.. s.CustomMappings, new CustomMapping(source, id, (memberField ?? "").Trim(), type)] }, $"Added the custom field {memberField}.", ct);
    }

    public Task<IActionResult> OnPostRemoveCustomAsync(string connection, int index, CancellationToken ct) =>
        SaveAsync(connection, s => s with { CustomMappings = [.. s.CustomMappings.Where((_, i) => i != index)] }, "Removed the custom field.", ct);

    public Task<IActionResult> OnPostAddCompensationAsync(string connection, string name, string field, CancellationToken ct) =>
        SaveAsync(connection, s => s with { CompensationTypes = [.. s.CompensationTypes, new CompensationType((name ?? "").Trim(), Split(field).Id)] }, $"Added the compensation type {name}.", ct);

    public Task<IActionResult> OnPostRemoveCompensationAsync(string connection, int index, CancellationToken ct) =>
        SaveAsync(connection, s => s with { CompensationTypes = [.. s.CompensationTypes.Where((_, i) => i != index)] }, "Removed the compensation type.", ct);

    public async Task<IActionResult> OnPostOutboundAsync(string connection, string url, bool enabled, bool rotate, CancellationToken ct)
    {
        try
        {
            NewSecret = await outbound.SetEndpointAsync(url, enabled, rotate, ct);
            await audit.WriteAsync(User.Actor(), "outbound.set", url, NewSecret is null ? null : "new signing secret", ct);
            Notice = "Saved the delivery endpoint.";
        }
        catch (ArgumentException ex)
        {
            Problem = ex.Message;
        }

        return await LoadAsync(connection, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRetryAsync(string connection, long id, CancellationToken ct)
    {
        if (await outbound.RetryAsync(id, ct)) await audit.WriteAsync(User.Actor(), "outbound.retry", $"delivery {id}", null, ct);
        Notice = $"Delivery {id} is sent again.";
        return await LoadAsync(connection, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> SaveAsync(string connection, Func<NewHireSettings, NewHireSettings> change, string notice, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        var (settings, _) = await importer.GetSettingsAsync(c.Id, ct);
        var changed = change(settings);
        try
        {
            await importer.SaveSettingsAsync(c.Id, changed, null, ct);
            await audit.WriteAsync(User.Actor(), "new-hire.mapping", c.Name, changed.ToJson(), ct);
            Notice = notice + " Pending new hires were mapped again.";
        }
        catch (NewHireSettingsException ex)
        {
            Problem = ex.Message;
        }

        return await LoadAsync(connection, ct) ? Page() : NotFound();
    }

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
