using Ashbridge.Core.Webhooks;

namespace Ashbridge.Core.Connections;

/// <summary>One connection's inbox on the webhooks page: its refusals, its latest events and how many are dead.</summary>
public sealed record WebhookInboxOverview(Connection Connection, WebhookRejections Rejections, IReadOnlyList<WebhookEvent> Events, int Dead);
