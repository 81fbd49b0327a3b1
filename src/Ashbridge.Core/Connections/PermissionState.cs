namespace Ashbridge.Core.Connections;

/// <summary>Whether a key holds one Ashby permission.</summary>
public enum PermissionState
{
    /// <summary>The key holds it.</summary>
    Granted,

    /// <summary>The key lacks it.</summary>
    Missing,

    /// <summary>Could not be told: the key cannot read its own scopes and the permission cannot be probed safely (writes).</summary>
    Unknown,
}
