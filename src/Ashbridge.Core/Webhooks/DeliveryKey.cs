namespace Ashbridge.Core.Webhooks;

/// <summary>A delivery's identity: Ashby reuses a <c>webhookActionId</c> across related types, so the action is part of it.</summary>
public readonly record struct DeliveryKey(long ConnectionId, string Action, string WebhookActionId);
