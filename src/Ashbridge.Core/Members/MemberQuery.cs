namespace Ashbridge.Core.Members;

/// <summary>One page of the people directory: a search over every shown column, a status, a sort and a page.</summary>
/// <param name="Search">Matched, ignoring case, against name, job title, department, place of work, start date, personal email and phone.</param>
/// <param name="ConnectionIds">Only members from these connections (a token limited to one); <see langword="null"/> for all.</param>
/// <param name="Page">1-based.</param>
public sealed record MemberQuery(
    string? Search = null, MemberStatus Status = MemberStatus.All, MemberSort Sort = MemberSort.Name, bool Descending = false,
    int Page = 1, int PageSize = 50, IReadOnlyCollection<long>? ConnectionIds = null)
{
    /// <summary>The most a page may hold.</summary>
    public const int MaxPageSize = 500;
}
