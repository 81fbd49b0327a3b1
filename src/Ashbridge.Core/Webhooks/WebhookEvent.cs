namespace Ashbridge.Core.Webhooks;

/// <summary>Where an event is in its processing.</summary>
public enum WebhookEventState
{
    /// <summary>Stored, not yet applied (or waiting to retry).</summary>
    Pending,

    /// <summary>Applied to the mirror.</summary>
    Processed,

    /// <summary>A type nothing in Ashbridge uses (and pings): kept for the record, nothing to apply.</summary>
    Ignored,

    /// <summary>Could not be applied after its retries, or cannot be read at all: waits for an admin to replay it.</summary>
    Dead,
}

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

/// <summary>Deliveries refused for their signature, so a wrong Secret Token in Ashby is noticed.</summary>
public sealed record WebhookRejections(long WithoutSignature, long Forged, DateTimeOffset? LastAt, string? Last);

/// <summary>The last delivery of one type, and how many of that type arrived.</summary>
public sealed record WebhookTypeActivity(string Action, DateTimeOffset LastReceivedAt, long Count);

/// <summary>What the intake did with a delivery.</summary>
public enum IntakeOutcome
{
    /// <summary>Stored for processing.</summary>
    Stored,

    /// <summary>Already stored (a retry, or the same event sent twice): nothing to do.</summary>
    Duplicate,
}
