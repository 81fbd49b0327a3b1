namespace Ashbridge.Core.Overview;

/// <summary>What the home page and <c>GET /api/overview</c> show: each visible connection's health, the hub's outbound, and what to do next.</summary>
/// <param name="At">When it was read (data ages are measured from here).</param>
public sealed record HubOverviewReport(DateTimeOffset At, IReadOnlyList<ConnectionHealth> Connections, OutboundHealth Outbound, IReadOnlyList<NextStep> NextSteps)
{
    /// <summary>New hires waiting across the connections.</summary>
    public long PendingNewHires => Connections.Sum(c => c.NewHires.Pending);

    /// <summary>Dead letters across the connections.</summary>
    public long DeadLetters => Connections.Sum(c => c.Webhooks.DeadLetters);
}
