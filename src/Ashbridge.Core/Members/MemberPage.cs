namespace Ashbridge.Core.Members;

/// <summary>One page of members and how many match in all.</summary>
public sealed record MemberPage(IReadOnlyList<Member> Members, int Total, int Page, int PageSize)
{
    /// <summary>How many pages the matches fill (at least one).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
