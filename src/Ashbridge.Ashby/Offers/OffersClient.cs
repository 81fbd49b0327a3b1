using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Offers: <c>offer.*</c>. Methods are virtual so test doubles can override them.</summary>
public class OffersClient : AshbyListClient<OfferListRequest, Offer>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected OffersClient()
    {
    }

    internal OffersClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.OfferList;

    internal override JsonTypeInfo<OfferListRequest> RequestInfo => AshbyJsonContext.Default.OfferListRequest;

    internal override JsonTypeInfo<Offer> ItemInfo => AshbyJsonContext.Default.Offer;

    /// <summary>Fetches one offer with all its versions. Calls <c>offer.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.OfferInfo)]
    public virtual Task<Offer> InfoAsync(OfferInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.OfferInfo, request, AshbyJsonContext.Default.OfferInfoRequest, AshbyJsonContext.Default.Offer, options, cancellationToken);
    }
}
