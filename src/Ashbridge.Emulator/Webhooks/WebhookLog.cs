using Microsoft.Extensions.Logging;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>Delivery log lines. Never the secret, the signature or the URL (it may carry a token): the webhook id says which.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Webhook {WebhookId} {Action} delivery {WebhookActionId} attempt {Attempt} failed ({Result}); retrying in {Delay}")]
    public static partial void DeliveryRetrying(ILogger logger, string webhookId, string action, string webhookActionId, int attempt, AttemptResult result, TimeSpan delay);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Webhook {WebhookId} {Action} delivery {WebhookActionId} attempt {Attempt} failed ({Result}); not retried")]
    public static partial void DeliveryFailed(ILogger logger, string webhookId, string action, string webhookActionId, int attempt, AttemptResult result);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Webhook {WebhookId} {Action} delivery {WebhookActionId} gave up after {Attempt} attempts ({Result})")]
    public static partial void DeliveryGaveUp(ILogger logger, string webhookId, string action, string webhookActionId, int attempt, AttemptResult result);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ping failed ({Result}); saved disabled")]
    public static partial void PingFailed(ILogger logger, string webhookId, AttemptResult result);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug,
        Message = "Webhook {WebhookId} {Action} delivery {WebhookActionId} dropped: the webhook was deleted or disabled")]
    public static partial void DeliveryDropped(ILogger logger, string webhookId, string action, string webhookActionId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Webhook delivery loop failed")]
    public static partial void LoopFailed(ILogger logger, Exception exception);
}
