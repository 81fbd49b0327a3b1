using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Candidate tags: <c>candidateTag.*</c> (paginated and sync-capable). Methods are virtual so test doubles can override them.</summary>
public class CandidateTagsClient : AshbyListClient<CandidateTagListRequest, CandidateTag>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected CandidateTagsClient()
    {
    }

    internal CandidateTagsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.CandidateTagList;

    internal override JsonTypeInfo<CandidateTagListRequest> RequestInfo => AshbyJsonContext.Default.CandidateTagListRequest;

    internal override JsonTypeInfo<CandidateTag> ItemInfo => AshbyJsonContext.Default.CandidateTag;
}
