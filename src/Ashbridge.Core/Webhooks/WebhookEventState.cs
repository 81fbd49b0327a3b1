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
