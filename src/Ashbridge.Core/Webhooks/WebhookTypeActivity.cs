namespace Ashbridge.Core.Webhooks;

/// <summary>The last delivery of one type, and how many of that type arrived.</summary>
public sealed record WebhookTypeActivity(string Action, DateTimeOffset LastReceivedAt, long Count);
