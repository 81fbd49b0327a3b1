namespace Ashbridge.Emulator.Webhooks;

/// <summary>One envelope on its way to one webhook setting, across all its attempts.</summary>
/// <remarks>The body and signature are fixed at publish time: retries and fault duplicates resend these exact bytes.</remarks>
internal sealed class PendingDelivery
{
    public required string Id { get; init; }

    public required WebhookSetting Target { get; init; }

    public required string WebhookActionId { get; init; }

    public required string Action { get; init; }

    public required byte[] Body { get; init; }

    public string? Signature { get; init; }

    /// <summary>The second copy made by the <c>dup</c> fault; it is not rolled for faults again.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Already held back once by the <c>reorder</c> fault.</summary>
    public bool WasHeld { get; set; }

    /// <summary>Attempts made so far (0 before the first).</summary>
    public int AttemptsMade { get; set; }

    /// <summary>A fresh copy with its own id, for the duplicate fault.</summary>
    public PendingDelivery Duplicate(string id) => new()
    {
        Id = id,
        Target = Target,
        WebhookActionId = WebhookActionId,
        Action = Action,
        Body = Body,
        Signature = Signature,
        IsDuplicate = true,
    };
}
