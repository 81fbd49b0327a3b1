namespace Ashbridge.Ashby;

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
