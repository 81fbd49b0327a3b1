namespace Ashbridge.Core.Connections;

/// <summary>What a key can do, per permission and per feature.</summary>
/// <param name="KeyTitle">The key's title in Ashby, when the key may read it.</param>
/// <param name="ScopesSource">How the permissions were learnt: from <c>apiKey.info</c> or by probing read endpoints.</param>
public sealed record KeyCheckReport(
    string? KeyTitle,
    DateTimeOffset? KeyCreatedAt,
    string ScopesSource,
    IReadOnlyList<PermissionStatus> Permissions,
    IReadOnlyList<FeatureStatus> Features);
