namespace Ashbridge.Core.Overview;

/// <summary>What a new install still needs.</summary>
public enum NextStepKind
{
    /// <summary>No real Ashby connection yet (none, or only the demo).</summary>
    AddConnection,

    /// <summary>A connection never received a webhook and Ashbridge registered none for it.</summary>
    RegisterWebhooks,

    /// <summary>No outbound endpoint: approved new hires go nowhere.</summary>
    SetOutboundEndpoint,
}
