namespace Ashbridge.Core.NewHires;

/// <summary>What the queue shows: one state, narrowed by a search, a status and a flag, sorted and cut into pages.</summary>
/// <param name="State">Pending (the default), added or deleted.</param>
/// <param name="Search">Words found in the name, personal email, job title or department (case-insensitive); empty for all.</param>
/// <param name="Status">Only hires in this status (complete, missing fields, changed since review).</param>
/// <param name="Flag">Only hires with this flag.</param>
/// <param name="Sort">Name, start date or when queued (the default, newest first).</param>
/// <param name="Descending">Largest first; the default for when queued.</param>
/// <param name="Page">From 1.</param>
/// <param name="PageSize">Hires per page, 1 to 200.</param>
public sealed record NewHireQuery(
    NewHireState State = NewHireState.Pending, string? Search = null, NewHireStatus? Status = null, NewHireWarning? Flag = null,
    NewHireSort Sort = NewHireSort.Queued, bool Descending = true, int Page = 1, int PageSize = NewHireQuery.DefaultPageSize)
{
    /// <summary>Hires per page unless asked otherwise.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The most hires one page holds.</summary>
    public const int MaxPageSize = 200;
}
