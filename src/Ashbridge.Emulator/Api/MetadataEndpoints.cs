using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Sources, archive reasons, custom field definitions and candidate tags.</summary>
internal static class MetadataEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("source.list", Permissions.HiringProcessMetadataRead, SourceList)
        .Read("archiveReason.list", Permissions.HiringProcessMetadataRead, ArchiveReasonList)
        .Read("customField.list", Permissions.HiringProcessMetadataRead, CustomFieldList)
        .Read("customField.info", Permissions.HiringProcessMetadataRead, CustomFieldInfo)
        .Read("candidateTag.list", Permissions.HiringProcessMetadataRead, TagList);

    /// <summary>Not paginated; the response still says <c>moreDataAvailable: false</c> as Ashby's schema has it.</summary>
    private static void SourceList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        var w = call.BeginSuccess();
        w.WriteStartArray();
        foreach (var s in call.Org.Sources)
        {
            if (includeArchived || !s.IsArchived) MetadataJson.Source(w, s);
        }

        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", false);
        call.EndSuccess();
    }

    private static void ArchiveReasonList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var r in call.Org.ArchiveReasons)
            {
                if (includeArchived || !r.IsArchived) MetadataJson.ArchiveReason(w, r);
            }

            w.WriteEndArray();
        });
    }

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

    private static void TagList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.Tags, (t, incremental) => includeArchived || incremental || !t.IsArchived, MetadataJson.Tag);
    }

    public static void WriteEmptyArray(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        w.WriteEndArray();
    }
}
