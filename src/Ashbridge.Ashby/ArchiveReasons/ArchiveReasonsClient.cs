using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Archive reasons: <c>archiveReason.*</c>. Methods are virtual so test doubles can override them.</summary>
public class ArchiveReasonsClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected ArchiveReasonsClient()
    {
    }

    internal ArchiveReasonsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Lists archive reasons (not paginated). Calls <c>archiveReason.list</c>.</summary>
    /// <param name="request">The parameters; <see langword="null"/> sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.ArchiveReasonList)]
    public virtual Task<IReadOnlyList<ArchiveReason>> ListAsync(ArchiveReasonListRequest? request = null, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        return SendListAsync(AshbyEndpoints.ArchiveReasonList, request, AshbyJsonContext.Default.ArchiveReasonListRequest, AshbyJsonContext.Default.ArchiveReason, options, cancellationToken);
    }
}
