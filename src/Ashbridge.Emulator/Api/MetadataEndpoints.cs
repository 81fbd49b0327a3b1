using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Sources and archive reasons.</summary>
internal static class MetadataEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("source.list", Permissions.HiringProcessMetadataRead, SourceList)
        .Read("archiveReason.list", Permissions.HiringProcessMetadataRead, ArchiveReasonList);

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

    public static void WriteEmptyArray(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        w.WriteEndArray();
    }
}
