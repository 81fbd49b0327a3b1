namespace Ashbridge.Core.Webhooks;

/// <summary>What the intake did with a delivery.</summary>
public enum IntakeOutcome
{
    /// <summary>Stored for processing.</summary>
    Stored,

    /// <summary>Already stored (a retry, or the same event sent twice): nothing to do.</summary>
    Duplicate,
}
