namespace Ashbridge.Core.Outbound;

/// <summary>Where added members are sent: one URL for the hub, with its signing secret.</summary>
public sealed record OutboundEndpoint(string Url, bool Enabled, DateTimeOffset UpdatedAt);
