using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Interview stages: <c>interviewStage.*</c>. Methods are virtual so test doubles can override them.</summary>
public class InterviewStagesClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected InterviewStagesClient()
    {
    }

    internal InterviewStagesClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Lists the stages of an interview plan in plan order (not paginated). Calls <c>interviewStage.list</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.InterviewStageList)]
    public virtual Task<IReadOnlyList<InterviewStage>> ListAsync(InterviewStageListRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendListAsync(AshbyEndpoints.InterviewStageList, request, AshbyJsonContext.Default.InterviewStageListRequest, AshbyJsonContext.Default.InterviewStage, options, cancellationToken);
    }
}
