namespace Ashbridge.Core.Outbound;

/// <summary>One delivery and how it went.</summary>
public sealed record OutboundDelivery(
    long Id, long? MemberId, string EventType, OutboundDeliveryState State, int Attempts, DateTimeOffset? NextAttemptAt,
    int? LastStatus, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    /// <summary>The member's name, where the log is read with it (the outbound page); <see langword="null"/> when the member is gone.</summary>
    public string? MemberName { get; init; }
}
