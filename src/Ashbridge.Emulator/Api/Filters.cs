using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Api;

/// <summary>Shared request filters: confidentiality and the <c>createdAfter</c>/<c>createdBefore</c> millisecond bounds.</summary>
internal static class Filters
{
    public static bool CanSee(this AshbyCall call, Job job) => !job.Deleted && (call.Viewer.AllowConfidential || !job.Confidential);

    public static bool CanSee(this AshbyCall call, Application a) => !a.Deleted && call.CanSee(a.Job);

    public static bool CanSee(this AshbyCall call, Candidate c) => !c.Deleted && (call.Viewer.AllowConfidential || !c.IsConfidentialOnly);

    public static bool CanSee(this AshbyCall call, Opening o) => !o.Deleted && (call.Viewer.AllowConfidential || !o.IsConfidential);

    public static bool CanSee(this AshbyCall call, Offer o) => !o.Deleted && call.CanSee(o.Application);

    public static bool CanSee(this AshbyCall call, CustomFieldDefinition f) => call.Viewer.AllowPrivateFields || !f.HiddenWithoutPrivateAccess;

    /// <summary>Reads <c>createdAfter</c> (and <c>createdBefore</c> when allowed) in ms; after &gt; before or a future bound is <c>invalid_input</c>.</summary>
    public static bool CreatedRange(this AshbyCall call, out long after, out long before, bool allowBefore = false)
    {
        after = long.MinValue;
        before = long.MaxValue;
        if (!call.OptionalLong("createdAfter", out var a)) return false;
        long? b = null;
        if (allowBefore && !call.OptionalLong("createdBefore", out b)) return false;
        var now = call.NowMs;
        if (a > now) return call.Fail(ErrorCodes.InvalidInput, "createdAfter must not be in the future (it is a timestamp in milliseconds)");
        if (b > now) return call.Fail(ErrorCodes.InvalidInput, "createdBefore must not be in the future (it is a timestamp in milliseconds)");
        if (a > b) return call.Fail(ErrorCodes.InvalidInput, "createdAfter must not be later than createdBefore");
        after = a ?? long.MinValue;
        before = b ?? long.MaxValue;
        return true;
    }

    public static bool ExpandIncludes(this AshbyCall call, string[] allowed, out string[] expand)
    {
        expand = [];
        if (!call.OptionalStringArray("expand", out var values, allowed)) return false;
        expand = values ?? [];
        return true;
    }
}
