namespace Ashbridge.Core.Sync;

/// <summary>What writing one page did.</summary>
internal readonly record struct PageCounts(long New, long Changed, long Unchanged)
{
    public long Rows => New + Changed + Unchanged;
}
