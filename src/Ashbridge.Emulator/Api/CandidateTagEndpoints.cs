using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Candidate tags (<c>candidateTag.*</c>).</summary>
internal static class CandidateTagEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("candidateTag.list", Permissions.HiringProcessMetadataRead, TagList);

    private static void TagList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.Tags, (t, incremental) => includeArchived || incremental || !t.IsArchived, MetadataJson.Tag);
    }
}
