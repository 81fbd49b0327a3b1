namespace Ashbridge.Core.Connections;

/// <summary>What a key lets the mirror read, one row per stream.</summary>
/// <param name="Stream">The mirror stream (<c>candidates</c>).</param>
/// <param name="Endpoint">The Ashby endpoint it reads.</param>
/// <param name="Permission">The permission it needs (<c>candidatesRead</c>).</param>
/// <param name="Module">Ashby's module name for it, as the API Keys page shows it.</param>
/// <param name="State">Whether the key holds it.</param>
public sealed record StreamAccess(string Stream, string Endpoint, string Permission, string Module, PermissionState State);
