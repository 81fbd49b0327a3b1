namespace Ashbridge.Core.Connections;

/// <summary>One thing Ashbridge does (or will do) with a connection, and the Ashby permissions it needs.</summary>
/// <param name="Name">What the admin sees, e.g. "New hires".</param>
/// <param name="Purpose">Why the permissions are needed, in a few words.</param>
/// <param name="Permissions">Ashby permission names, e.g. <c>candidatesRead</c>.</param>
/// <param name="Built">Whether Ashbridge does it yet; a feature not built yet is listed so an admin can prepare the key, never shown as working.</param>
public sealed record FeatureRequirement(string Name, string Purpose, IReadOnlyList<string> Permissions, bool Built = true);
