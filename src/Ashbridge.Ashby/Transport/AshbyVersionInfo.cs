namespace Ashbridge.Ashby;

/// <summary>The API version Ashby reported in the <c>Ashby-Version</c> / <c>Ashby-Version-Status</c> response headers.</summary>
/// <param name="Version">The version, e.g. <c>2026-01-01</c>.</param>
/// <param name="Status">Its lifecycle status (see <see cref="AshbyVersionStatus"/>), if sent.</param>
public sealed record AshbyVersionInfo(string? Version, string? Status)
{
    /// <summary>Whether the status asks the integrator to move to a newer version.</summary>
    public bool NeedsAttention => Status is AshbyVersionStatus.Deprecated or AshbyVersionStatus.Unsupported or AshbyVersionStatus.Removed;
}
