namespace Ashbridge.Ashby;

/// <summary>What an Ashby endpoint needs from the API key.</summary>
/// <param name="Endpoint">The endpoint, e.g. <c>candidate.list</c>.</param>
/// <param name="Permission">The permission as Ashby's reference names it, e.g. <c>candidatesRead</c>.</param>
/// <param name="Scope">The same permission as <c>apiKey.info</c> reports it, e.g. <c>candidates:read</c>.</param>
/// <param name="Module">The module an admin ticks in Ashby Admin › Integrations › API keys, e.g. <c>Candidates</c>.</param>
/// <param name="IsWrite">Whether this is a write permission.</param>
public sealed record AshbyPermissionRequirement(string Endpoint, string Permission, string Scope, string Module, bool IsWrite)
{
    /// <summary>A sentence telling an admin what to enable.</summary>
    /// <returns>For example "the Candidates read permission (candidatesRead)".</returns>
    public string Describe() => $"the {Module} {(IsWrite ? "write" : "read")} permission ({Permission})";
}
