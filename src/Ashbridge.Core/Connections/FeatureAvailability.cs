namespace Ashbridge.Core.Connections;

/// <summary>What a feature is for a connection: working, held back by the key, or not part of Ashbridge yet.</summary>
public enum FeatureAvailability
{
    /// <summary>Built, and the key holds (or may hold: it cannot read its scopes) every permission it needs.</summary>
    On,

    /// <summary>Built, but the key lacks at least one permission it needs (<see cref="FeatureStatus.Missing"/> names them).</summary>
    Blocked,

    /// <summary>Planned, not built yet: whatever the key allows, it does nothing today.</summary>
    NotBuilt,
}
