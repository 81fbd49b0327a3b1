using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Jobs: <c>job.*</c>. Methods are virtual so test doubles can override them.</summary>
public class JobsClient : AshbyListClient<JobListRequest, Job>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected JobsClient()
    {
    }

    internal JobsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.JobList;

    internal override JsonTypeInfo<JobListRequest> RequestInfo => AshbyJsonContext.Default.JobListRequest;

    internal override JsonTypeInfo<Job> ItemInfo => AshbyJsonContext.Default.Job;

    /// <summary>Fetches one job by <c>id</c>. Calls <c>job.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.JobInfo)]
    public virtual Task<Job> InfoAsync(JobInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.JobInfo, request, AshbyJsonContext.Default.JobInfoRequest, AshbyJsonContext.Default.Job, options, cancellationToken);
    }

    /// <summary>Finds jobs by title and/or requisition id (not paginated; empty when none match). Calls <c>job.search</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.JobSearch)]
    public virtual Task<IReadOnlyList<Job>> SearchAsync(JobSearchRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendListAsync(AshbyEndpoints.JobSearch, request, AshbyJsonContext.Default.JobSearchRequest, AshbyJsonContext.Default.Job, options, cancellationToken);
    }
}
