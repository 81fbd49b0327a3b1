using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Sources: <c>source.*</c>. Methods are virtual so test doubles can override them.</summary>
public class SourcesClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected SourcesClient()
    {
    }

    internal SourcesClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Lists sources (not paginated). Calls <c>source.list</c>.</summary>
    /// <param name="request">The parameters; <see langword="null"/> sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.SourceList)]
    public virtual Task<IReadOnlyList<Source>> ListAsync(SourceListRequest? request = null, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        return SendListAsync(AshbyEndpoints.SourceList, request, AshbyJsonContext.Default.SourceListRequest, AshbyJsonContext.Default.Source, options, cancellationToken);
    }
}
