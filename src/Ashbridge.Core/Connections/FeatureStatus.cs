namespace Ashbridge.Core.Connections;

/// <summary>One feature or stream, and which of its permissions are missing.</summary>
public sealed record FeatureStatus(FeatureRequirement Feature, IReadOnlyList<PermissionStatus> Permissions)
{
    public bool IsReady => Permissions.All(p => p.State == PermissionState.Granted);

    public IEnumerable<PermissionStatus> Missing => Permissions.Where(p => p.State == PermissionState.Missing);
}
