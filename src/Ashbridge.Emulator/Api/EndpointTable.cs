namespace Ashbridge.Emulator.Api;

/// <summary>How an endpoint touches the organisation, which decides the lock it runs under.</summary>
internal enum Access { Read, Write, None }

/// <summary>One Ashby endpoint: its permission and its handler (synchronous under the organisation lock, or asynchronous and lock-free).</summary>
internal sealed record AshbyEndpoint(string Name, string Permission, Access Access, Action<AshbyCall>? Handler, Func<AshbyCall, CancellationToken, Task>? AsyncHandler);

/// <summary>Every endpoint the emulator answers, by name (<c>candidate.list</c>).</summary>
internal sealed class EndpointTable
{
    private readonly Dictionary<string, AshbyEndpoint> _endpoints = new(StringComparer.Ordinal);

    public IEnumerable<AshbyEndpoint> All => _endpoints.Values;

    public AshbyEndpoint? Find(string name) => _endpoints.GetValueOrDefault(name);

    public EndpointTable Read(string name, string permission, Action<AshbyCall> handler) => Add(new(name, permission, Access.Read, handler, null));

    public EndpointTable Write(string name, string permission, Action<AshbyCall> handler) => Add(new(name, permission, Access.Write, handler, null));

    public EndpointTable Async(string name, string permission, Func<AshbyCall, CancellationToken, Task> handler) => Add(new(name, permission, Access.None, null, handler));

    private EndpointTable Add(AshbyEndpoint endpoint)
    {
        _endpoints.Add(endpoint.Name, endpoint);
        return this;
    }
}
