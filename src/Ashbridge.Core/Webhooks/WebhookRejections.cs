namespace Ashbridge.Core.Webhooks;

/// <summary>Deliveries refused for their signature, so a wrong Secret Token in Ashby is noticed.</summary>
public sealed record WebhookRejections(long WithoutSignature, long Forged, DateTimeOffset? LastAt, string? Last);
