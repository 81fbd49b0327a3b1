namespace Ashbridge.Core.Webhooks;

/// <summary>One delivery as the inbox keeps it: the body exactly as received, and how its processing went.</summary>
public sealed record WebhookEvent(
    long Id,
    long ConnectionId,
    string Action,
    string WebhookActionId,
    DateTimeOffset ReceivedAt,
    string Body,
    WebhookEventState State,
    int Attempts,
    string? LastError,
    DateTimeOffset? ProcessedAt);
