namespace Ashbridge.Ashby;

/// <summary>Per-call settings.</summary>
public sealed class AshbyRequestOptions
{
    /// <summary>An <c>Ashby-Version</c> for this call only (overrides <see cref="AshbyClientOptions.AshbyVersion"/>).</summary>
    public string? AshbyVersion { get; init; }
}
