namespace Ashbridge.Core.Outbound;

/// <summary>How many deliveries are in each state, and how many active members were never sent (added before the endpoint existed).</summary>
public sealed record OutboundCounts(int Pending, int Delivered, int Failed, int Undelivered)
{
    public int Total => Pending + Delivered + Failed;
}
