namespace Ashbridge.Core.Overview;

/// <summary>A connection's webhooks at a glance.</summary>
/// <param name="LastEventAt">When the last event was received, or null when none ever was.</param>
/// <param name="LastEventAction">Ashby's action of that event, e.g. <c>applicationUpdate</c>.</param>
/// <param name="Events">Events received so far.</param>
/// <param name="Forged">Deliveries refused for a wrong signature.</param>
/// <param name="WithoutSignature">Deliveries refused for having no signature.</param>
/// <param name="DeadLetters">Events that failed every attempt and wait for a person to replay them.</param>
/// <param name="Registered">Webhooks Ashbridge registered in Ashby for this connection.</param>
public sealed record WebhookHealth(DateTimeOffset? LastEventAt, string? LastEventAction, long Events, long Forged, long WithoutSignature, long DeadLetters, int Registered)
{
    /// <summary>Deliveries refused for their signature (forged and without one).</summary>
    public long Refused => Forged + WithoutSignature;
}
