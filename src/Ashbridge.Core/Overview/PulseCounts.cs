namespace Ashbridge.Core.Overview;

/// <summary>The numbers beside the navigation's links: new hires waiting, dead webhook events, outbound deliveries failing, notices unread.</summary>
public sealed record PulseCounts(long NewHires, long DeadLetters, long FailingDeliveries, long Notices);
