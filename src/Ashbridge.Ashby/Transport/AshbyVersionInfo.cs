namespace Ashbridge.Ashby;

/// <summary>The API version Ashby reported in the <c>Ashby-Version</c> / <c>Ashby-Version-Status</c> response headers.</summary>
/// <param name="Version">The version, e.g. <c>2026-01-01</c>.</param>
/// <param name="Status">Its lifecycle status (see <see cref="AshbyVersionStatus"/>), if sent.</param>
public sealed record AshbyVersionInfo(string? Version, string? Status)
{
    /// <summary>Whether the status asks the integrator to move to a newer version.</summary>
    public bool NeedsAttention => Status is AshbyVersionStatus.Deprecated or AshbyVersionStatus.Unsupported or AshbyVersionStatus.Removed;
}

/// <summary>The lifecycle statuses of an Ashby API version.</summary>
public static class AshbyVersionStatus
{
    /// <summary><c>pre-release</c>.</summary>
    public const string PreRelease = "pre-release";
    /// <summary><c>active</c>.</summary>
    public const string Active = "active";
    /// <summary><c>deprecated</c>: still served, plan the move.</summary>
    public const string Deprecated = "deprecated";
    /// <summary><c>unsupported</c>: served for now, no longer supported.</summary>
    public const string Unsupported = "unsupported";
    /// <summary><c>removed</c>: requests selecting it are rejected.</summary>
    public const string Removed = "removed";
}

/// <summary>Raised when Ashby reports that the API version in use is deprecated or unsupported.</summary>
public sealed class AshbyVersionWarningEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="endpoint">The endpoint whose response carried the headers.</param>
    /// <param name="version">The reported version.</param>
    public AshbyVersionWarningEventArgs(string endpoint, AshbyVersionInfo version)
    {
        Endpoint = endpoint;
        Version = version;
    }

    /// <summary>The endpoint whose response carried the headers.</summary>
    public string Endpoint { get; }

    /// <summary>The reported version and status.</summary>
    public AshbyVersionInfo Version { get; }
}
