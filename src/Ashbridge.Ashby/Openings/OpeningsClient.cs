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
}
