namespace Ashbridge.Core.NewHires;

/// <summary>One page of the queue with the number of hires matching and the count of each state (for the tabs).</summary>
/// <param name="Total">Hires matching the query, on every page.</param>
public sealed record NewHireQueuePage(IReadOnlyList<NewHireQueueItem> Items, int Total, int Page, int PageSize, NewHireCounts Counts)
{
    /// <summary>The number of pages (at least 1).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
