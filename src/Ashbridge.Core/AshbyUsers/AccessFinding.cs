namespace Ashbridge.Core.AshbyUsers;

/// <summary>One user the access review lists, and why.</summary>
public sealed record AccessFinding(AccessFindingKind Kind, DirectoryUser User, string Reason);
