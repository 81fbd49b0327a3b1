namespace Ashbridge.Ashby;

/// <summary>Names the Ashby endpoint a client method calls.</summary>
/// <param name="endpoint">The endpoint, e.g. <c>candidate.info</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AshbyEndpointAttribute(string endpoint) : Attribute
{
    /// <summary>The endpoint, e.g. <c>candidate.info</c>.</summary>
    public string Endpoint { get; } = endpoint;
}
