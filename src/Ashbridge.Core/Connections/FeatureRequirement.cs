namespace Ashbridge.Core.Connections;

/// <summary>One thing Ashbridge does with a connection, and the Ashby permissions it needs.</summary>
/// <param name="Name">What the admin sees, e.g. "New hires".</param>
/// <param name="Purpose">Why the permissions are needed, in a few words.</param>
/// <param name="Permissions">Ashby permission names, e.g. <c>candidatesRead</c>.</param>
public sealed record FeatureRequirement(string Name, string Purpose, IReadOnlyList<string> Permissions);
