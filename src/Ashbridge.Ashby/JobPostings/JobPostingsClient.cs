using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Job postings: <c>jobPosting.*</c>. Methods are virtual so test doubles can override them.</summary>
public class JobPostingsClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected JobPostingsClient()
    {
    }

    internal JobPostingsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Lists job postings (not paginated; includes unlisted postings unless <c>listedOnly</c>). Calls <c>jobPosting.list</c>.</summary>
    /// <param name="request">The parameters; <see langword="null"/> sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.JobPostingList)]
    public virtual Task<IReadOnlyList<JobPostingSummary>> ListAsync(JobPostingListRequest? request = null, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        return SendListAsync(AshbyEndpoints.JobPostingList, request, AshbyJsonContext.Default.JobPostingListRequest, AshbyJsonContext.Default.JobPostingSummary, options, cancellationToken);
    }

    /// <summary>Fetches one job posting with its descriptions. Calls <c>jobPosting.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.JobPostingInfo)]
    public virtual Task<JobPosting> InfoAsync(JobPostingInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.JobPostingInfo, request, AshbyJsonContext.Default.JobPostingInfoRequest, AshbyJsonContext.Default.JobPosting, options, cancellationToken);
    }
}
