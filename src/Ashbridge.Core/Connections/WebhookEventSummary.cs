using Ashbridge.Core.Webhooks;

namespace Ashbridge.Core.Connections;

/// <summary>An event without its body (which holds candidates' personal data): what the lists show.</summary>
public sealed record WebhookEventSummary(long Id, string Action, string WebhookActionId, DateTimeOffset ReceivedAt, WebhookEventState State, int Attempts, string? LastError, DateTimeOffset? ProcessedAt)
{
    public static WebhookEventSummary Of(WebhookEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Action, e.WebhookActionId, e.ReceivedAt, e.State, e.Attempts, e.LastError, e.ProcessedAt);
    }
}
