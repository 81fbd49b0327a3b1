namespace Ashbridge.Core.Outbound;

/// <summary>Pending, delivered, or failed after every retry (an admin can send it again).</summary>
public enum OutboundDeliveryState
{
    Pending,
    Delivered,
    Failed,
}
