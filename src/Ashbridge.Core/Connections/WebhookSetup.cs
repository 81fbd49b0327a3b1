using Ashbridge.Core.Webhooks;

namespace Ashbridge.Core.Connections;

/// <summary>
/// A connection's webhook inbox as its page and the API show it: the Request URL and Secret Token to paste into
/// Ashby, refusals, the last event per type, recent events, dead letters, and the webhooks Ashbridge registered.
/// </summary>
public sealed record WebhookSetup(
    string RequestUrl, string SecretToken, WebhookRejections Rejections, IReadOnlyList<WebhookTypeActivity> LastByType,
    IReadOnlyList<WebhookEventSummary> Recent, IReadOnlyList<WebhookEventSummary> DeadLetters, IReadOnlyList<WebhookRegistration> Registered);
