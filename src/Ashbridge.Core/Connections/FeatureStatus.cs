namespace Ashbridge.Core.Connections;

/// <summary>One feature or stream, and which of its permissions are missing.</summary>
public sealed record FeatureStatus(FeatureRequirement Feature, IReadOnlyList<PermissionStatus> Permissions)
{
    /// <summary>Whether the key holds every permission the feature needs (says nothing of whether the feature is built: see <see cref="Availability"/>).</summary>
    public bool IsReady => Permissions.All(p => p.State == PermissionState.Granted);

    public IEnumerable<PermissionStatus> Missing => Permissions.Where(p => p.State == PermissionState.Missing);

    /// <summary>On, blocked by a missing permission, or not built yet.</summary>
    public FeatureAvailability Availability =>
        !Feature.Built ? FeatureAvailability.NotBuilt
        : Missing.Any() ? FeatureAvailability.Blocked
        : FeatureAvailability.On;

    /// <summary>Some permission could not be told (the key cannot read its own scopes): on, but unverified.</summary>
    public bool IsUnverified => Permissions.Any(p => p.State == PermissionState.Unknown);

    /// <summary>The missing permissions in words an Ashby admin finds them by: "Offers read (offersRead)".</summary>
    public IReadOnlyList<string> MissingInWords => [.. Missing.Select(Describe)];

    /// <summary>What the feature is, in a short sentence for a page or a terminal.</summary>
    public string Summary => Availability switch
    {
        FeatureAvailability.NotBuilt => "Not built yet",
        FeatureAvailability.Blocked => "Blocked: the key lacks " + string.Join(", ", MissingInWords),
        _ when IsUnverified => "On (unverified: the key cannot read its own permissions)",
        _ => "On",
    };

    private static string Describe(PermissionStatus permission) => $"{permission.Module} {(permission.IsWrite ? "write" : "read")} ({permission.Permission})";
}
