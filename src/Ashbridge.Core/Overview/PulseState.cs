namespace Ashbridge.Core.Overview;

/// <summary>What <see cref="HubPulse"/> reads: a version that changes with anything drawn live, and the navigation's counts.</summary>
public sealed record PulseState(string Version, PulseCounts Counts);
