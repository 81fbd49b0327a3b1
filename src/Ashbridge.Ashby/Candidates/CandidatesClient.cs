using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Candidates: <c>candidate.*</c>. Methods are virtual so test doubles can override them.</summary>
public class CandidatesClient : AshbyListClient<CandidateListRequest, Candidate>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected CandidatesClient()
    {
    }

    internal CandidatesClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.CandidateList;

    internal override JsonTypeInfo<CandidateListRequest> RequestInfo => AshbyJsonContext.Default.CandidateListRequest;

    internal override JsonTypeInfo<Candidate> ItemInfo => AshbyJsonContext.Default.Candidate;

    /// <summary>Fetches one candidate by <c>id</c> or <c>externalMappingId</c>. Calls <c>candidate.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.CandidateInfo)]
    public virtual Task<Candidate> InfoAsync(CandidateInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CandidateInfo, request, AshbyJsonContext.Default.CandidateInfoRequest, AshbyJsonContext.Default.Candidate, options, cancellationToken);
    }

    /// <summary>Searches candidates by email and/or name (at most 100, not paginated). Calls <c>candidate.search</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.CandidateSearch)]
    public virtual Task<IReadOnlyList<Candidate>> SearchAsync(CandidateSearchRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendListAsync(AshbyEndpoints.CandidateSearch, request, AshbyJsonContext.Default.CandidateSearchRequest, AshbyJsonContext.Default.Candidate, options, cancellationToken);
    }

    /// <summary>Creates a candidate. A write: retried only on HTTP 429. Calls <c>candidate.create</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.CandidateCreate)]
    public virtual Task<Candidate> CreateAsync(CandidateCreateRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CandidateCreate, request, AshbyJsonContext.Default.CandidateCreateRequest, AshbyJsonContext.Default.Candidate, options, cancellationToken);
    }

    /// <summary>Updates a candidate. A write: retried only on HTTP 429. Calls <c>candidate.update</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.CandidateUpdate)]
    public virtual Task<Candidate> UpdateAsync(CandidateUpdateRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CandidateUpdate, request, AshbyJsonContext.Default.CandidateUpdateRequest, AshbyJsonContext.Default.Candidate, options, cancellationToken);
    }

    /// <summary>Tags a candidate; answers the candidate with its tags. A write: retried only on HTTP 429. Calls <c>candidate.addTag</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The candidate or tag does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.CandidateAddTag)]
    public virtual Task<Candidate> AddTagAsync(CandidateAddTagRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CandidateAddTag, request, AshbyJsonContext.Default.CandidateAddTagRequest, AshbyJsonContext.Default.Candidate, options, cancellationToken);
    }

    /// <summary>Removes a tag from a candidate; answers the candidate with its remaining tags. A write: retried only on HTTP 429. Calls <c>candidate.removeTag</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The candidate or tag does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.CandidateRemoveTag)]
    public virtual Task<Candidate> RemoveTagAsync(CandidateRemoveTagRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CandidateRemoveTag, request, AshbyJsonContext.Default.CandidateRemoveTagRequest, AshbyJsonContext.Default.Candidate, options, cancellationToken);
    }

    /// <summary>Adds a note to a candidate. A write: retried only on HTTP 429. Calls <c>candidate.createNote</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The candidate does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.CandidateCreateNote)]
    public virtual Task<CandidateNote> CreateNoteAsync(CandidateCreateNoteRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CandidateCreateNote, request, AshbyJsonContext.Default.CandidateCreateNoteRequest, AshbyJsonContext.Default.CandidateNote, options, cancellationToken);
    }
}
