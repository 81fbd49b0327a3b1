using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Openings: <c>opening.*</c>. Methods are virtual so test doubles can override them.</summary>
public class OpeningsClient : AshbyListClient<OpeningListRequest, Opening>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected OpeningsClient()
    {
    }

    internal OpeningsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.OpeningList;

    internal override JsonTypeInfo<OpeningListRequest> RequestInfo => AshbyJsonContext.Default.OpeningListRequest;

    internal override JsonTypeInfo<Opening> ItemInfo => AshbyJsonContext.Default.Opening;

    /// <summary>Fetches one opening. Calls <c>opening.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The opening does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.OpeningInfo)]
    public virtual Task<Opening> InfoAsync(OpeningInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.OpeningInfo, request, AshbyJsonContext.Default.OpeningInfoRequest, AshbyJsonContext.Default.Opening, options, cancellationToken);
    }

    /// <summary>Finds openings by identifier (not paginated; empty when none match). Calls <c>opening.search</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.OpeningSearch)]
    public virtual Task<IReadOnlyList<Opening>> SearchAsync(OpeningSearchRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendListAsync(AshbyEndpoints.OpeningSearch, request, AshbyJsonContext.Default.OpeningSearchRequest, AshbyJsonContext.Default.Opening, options, cancellationToken);
    }
}
