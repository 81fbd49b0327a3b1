namespace Ashbridge.Core.Overview;

/// <summary>The hub's outbound endpoint (one for the whole hub): whether one is set and on, and how many deliveries are failing.</summary>
/// <param name="Configured">An endpoint URL is set.</param>
/// <param name="Enabled">It is set and switched on.</param>
/// <param name="Failing">Deliveries that failed every retry or are being retried after a failure.</param>
public sealed record OutboundHealth(bool Configured, bool Enabled, long Failing);
