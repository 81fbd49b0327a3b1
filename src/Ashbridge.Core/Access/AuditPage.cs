namespace Ashbridge.Core.Access;

/// <summary>One page of audit entries, newest first, with how many match the query in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    /// <summary>How many pages the matching entries fill (at least one, so an empty result is page 1 of 1).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
