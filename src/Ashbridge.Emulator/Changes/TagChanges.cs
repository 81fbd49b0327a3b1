using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Changes;

/// <summary>What candidateTag.create and candidateTag.archive do (no webhook: Ashby has no tag types).</summary>
internal static class TagChanges
{
    public static Tag CreateTag(Organization org, long now, string title)
    {
        var tag = new Tag { Id = org.NewId(), Title = title, CreatedMs = now, UpdatedMs = now };
        org.Tags.Add(tag);
        org.Touch(tag, now);
        return tag;
    }

    public static void ArchiveTag(Organization org, long now, Tag tag)
    {
        if (tag.IsArchived) return;
        tag.IsArchived = true;
        org.Touch(tag, now);
    }
}
