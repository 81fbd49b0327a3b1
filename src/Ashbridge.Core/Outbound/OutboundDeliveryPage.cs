namespace Ashbridge.Core.Outbound;

/// <summary>One page of the delivery log, newest first, and how many deliveries match in all.</summary>
public sealed record OutboundDeliveryPage(IReadOnlyList<OutboundDelivery> Deliveries, int Total, int Page, int PageSize)
{
    /// <summary>How many pages the matches fill (at least one).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
