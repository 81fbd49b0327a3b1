namespace Ashbridge.Core.Webhooks;

/// <summary>One webhook Ashbridge registered in Ashby.</summary>
public sealed record WebhookRegistration(string WebhookType, string AshbyWebhookId, string RequestUrl, DateTimeOffset CreatedAt);
