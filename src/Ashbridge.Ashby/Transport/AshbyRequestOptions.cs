namespace Ashbridge.Ashby;

/// <summary>Per-call settings.</summary>
public sealed class AshbyRequestOptions
{
    /// <summary>An <c>Ashby-Version</c> for this call only (overrides <see cref="AshbyClientOptions.AshbyVersion"/>).</summary>
    public string? AshbyVersion { get; init; }

    /// <summary>
    /// Fewer retries for this call than <see cref="AshbyClientOptions.MaxRetries"/> (0 for none), e.g. for a request
    /// made ahead of need that can simply be made again later. It cannot raise the client's limit.
    /// </summary>
    public int? MaxRetries { get; init; }
}
