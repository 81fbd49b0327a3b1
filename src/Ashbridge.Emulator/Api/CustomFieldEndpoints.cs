using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Custom field definitions (<c>customField.*</c>).</summary>
internal static class CustomFieldEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("customField.list", Permissions.HiringProcessMetadataRead, CustomFieldList)
        .Read("customField.info", Permissions.HiringProcessMetadataRead, CustomFieldInfo);

    private static void CustomFieldList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.CustomFields, (f, incremental) => call.CanSee(f) && (includeArchived || incremental || !f.IsArchived), MetadataJson.Definition);
    }

    private static void CustomFieldInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("customFieldId", out var id)) return;
        if (call.Org.FindCustomField(id) is not { } f || !call.CanSee(f)) call.Fail(ErrorCodes.InvalidInput, $"Custom field {id} was not found.");
        else call.Success(w => MetadataJson.Definition(w, f));
    }
}
