using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Candidate tags (<c>candidateTag.*</c>).</summary>
internal static class CandidateTagEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("candidateTag.list", Permissions.HiringProcessMetadataRead, TagList)
        .Write("candidateTag.create", Permissions.HiringProcessMetadataWrite, Create)
        .Write("candidateTag.archive", Permissions.HiringProcessMetadataWrite, Archive);

    private static void TagList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.Tags, (t, incremental) => includeArchived || incremental || !t.IsArchived, MetadataJson.Tag);
    }

    /// <summary>A title a live tag already has (ignoring case and surrounding spaces) answers that tag instead of a duplicate.</summary>
    private static void Create(AshbyCall call)
    {
        if (!call.RequiredString("title", out var title)) return;
        title = title.Trim();
        if (title.Length == 0) { call.Fail(ErrorCodes.InvalidInput, "title must not be blank"); return; }
        var tag = call.Org.Tags.Find(t => !t.IsArchived && string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase))
            ?? TagChanges.CreateTag(call.Org, call.NowMs, title);
        call.Success(w => MetadataJson.Tag(w, tag));
    }

    private static void Archive(AshbyCall call)
    {
        if (!call.RequiredGuid("tagId", out var id)) return;
        if (call.Org.FindTag(id) is not { } tag) { call.NotFound(ErrorCodes.TagNotFound, "Tag", id); return; }
        TagChanges.ArchiveTag(call.Org, call.NowMs, tag);
        call.Success(w => MetadataJson.Tag(w, tag));
    }
}
