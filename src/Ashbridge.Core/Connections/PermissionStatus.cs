namespace Ashbridge.Core.Connections;

/// <summary>One permission of the key, with the names an admin needs to fix it.</summary>
public sealed record PermissionStatus(string Permission, string Scope, string Module, bool IsWrite, PermissionState State);
