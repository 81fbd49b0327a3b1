using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Sources, source tracking links, archive reasons and communication templates.</summary>
internal static class MetadataEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("source.list", Permissions.HiringProcessMetadataRead, SourceList)
        .Read("archiveReason.list", Permissions.HiringProcessMetadataRead, ArchiveReasonList)
        .Read("sourceTrackingLink.list", Permissions.HiringProcessMetadataRead, SourceTrackingLinkList)
        .Read("communicationTemplate.list", Permissions.HiringProcessMetadataRead, CommunicationTemplateList);

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

    /// <summary>
    /// Enabled links unless <c>includeDisabled</c>. Pages with <c>limit</c>/<c>cursor</c> like the other lists (Airbyte's
    /// connector pages it so, and the response documents <c>moreDataAvailable</c>/<c>nextCursor</c>); no sync token.
    /// </summary>
    private static void SourceTrackingLinkList(AshbyCall call)
    {
        if (!call.OptionalBool("includeDisabled", out var includeDisabled)) return;
        Pager.List(call, call.Org.SourceTrackingLinks, (l, _) => includeDisabled || l.Enabled, OrganizationJson.SourceTrackingLink, syncable: false);
    }

    /// <summary>"All enabled communication templates": no parameters, not paginated, disabled templates left out.</summary>
    private static void CommunicationTemplateList(AshbyCall call) => call.Success(w =>
    {
        w.WriteStartArray();
        foreach (var t in call.Org.CommunicationTemplates)
        {
            if (t.IsEnabled) OrganizationJson.CommunicationTemplate(w, t);
        }

        w.WriteEndArray();
    });

    public static void WriteEmptyArray(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        w.WriteEndArray();
    }
}
