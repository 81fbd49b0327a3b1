using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ashbridge.Ashby;

/// <summary>
/// The Ashby API client: one sub-client per Ashby object (<see cref="Candidates"/>, <see cref="Applications"/>, ...),
/// built on an <see cref="HttpClient"/> with retries, timeouts and Ashby's envelope handling.
/// Thread-safe; create one per API key and reuse it.
/// </summary>
public class AshbyClient : IDisposable
{
    private readonly AshbyTransport? _transport;
    private readonly HttpClient? _ownedHttpClient;
    private readonly Lock _versionLock = new();
    private AshbyVersionInfo? _lastVersion;
    private AshbyVersionInfo? _lastWarned;

    private CandidatesClient? _candidates;
    private ApplicationsClient? _applications;
    private JobsClient? _jobs;
    private JobPostingsClient? _jobPostings;
    private OpeningsClient? _openings;
    private DepartmentsClient? _departments;
    private LocationsClient? _locations;
    private OffersClient? _offers;
    private CustomFieldsClient? _customFields;
    private UsersClient? _users;
    private SourcesClient? _sources;
    private ArchiveReasonsClient? _archiveReasons;
    private InterviewStagesClient? _interviewStages;
    private HiringTeamRolesClient? _hiringTeamRoles;
    private HiringTeamClient? _hiringTeam;
    private ApplicationHiringTeamRolesClient? _applicationHiringTeamRoles;
    private CandidateTagsClient? _candidateTags;
    private FilesClient? _files;
    private WebhooksClient? _webhooks;
    private ApiKeyClient? _apiKey;

    /// <summary>Creates a client for the production API with default options.</summary>
    /// <param name="apiKey">The Ashby API key.</param>
    public AshbyClient(string apiKey)
        : this(new AshbyClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client that owns its <see cref="HttpClient"/>.</summary>
    /// <param name="options">The options (copied).</param>
    public AshbyClient(AshbyClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        options.Validate();
#pragma warning disable CA2000 // The handler is owned (and disposed) by the HttpClient, which this client disposes.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
#pragma warning restore CA2000
        _ownedHttpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _transport = new AshbyTransport(_ownedHttpClient, options, OnVersion);
        Options = options.Clone();
    }

    /// <summary>Creates a client on a caller-owned <see cref="HttpClient"/> (e.g. from <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client.</param>
    /// <param name="options">The options (copied).</param>
    public AshbyClient(HttpClient httpClient, AshbyClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        options.Validate();
        _transport = new AshbyTransport(httpClient, options, OnVersion);
        Options = options.Clone();
    }

    /// <summary>For test doubles: a client without a transport; override the members you use.</summary>
    protected AshbyClient()
    {
        Options = new AshbyClientOptions();
    }

    /// <summary>Raised when a response reports the API version as deprecated, unsupported or removed (once per version and status).</summary>
    public event EventHandler<AshbyVersionWarningEventArgs>? VersionWarning;

    /// <summary>A copy of the options in use (changing it does not affect the client).</summary>
    public AshbyClientOptions Options { get; }

    /// <summary>The version reported by the latest response that carried <c>Ashby-Version</c> headers.</summary>
    public AshbyVersionInfo? LastSeenVersion
    {
        get
        {
            lock (_versionLock)
            {
                return _lastVersion;
            }
        }
    }

    /// <summary>Candidates (<c>candidate.*</c>).</summary>
    public virtual CandidatesClient Candidates => LazyInitializer.EnsureInitialized(ref _candidates, () => new CandidatesClient(Transport));

    /// <summary>Applications (<c>application.*</c>).</summary>
    public virtual ApplicationsClient Applications => LazyInitializer.EnsureInitialized(ref _applications, () => new ApplicationsClient(Transport));

    /// <summary>Jobs (<c>job.*</c>).</summary>
    public virtual JobsClient Jobs => LazyInitializer.EnsureInitialized(ref _jobs, () => new JobsClient(Transport));

    /// <summary>Job postings (<c>jobPosting.*</c>).</summary>
    public virtual JobPostingsClient JobPostings => LazyInitializer.EnsureInitialized(ref _jobPostings, () => new JobPostingsClient(Transport));

    /// <summary>Openings (<c>opening.*</c>).</summary>
    public virtual OpeningsClient Openings => LazyInitializer.EnsureInitialized(ref _openings, () => new OpeningsClient(Transport));

    /// <summary>Departments (<c>department.*</c>).</summary>
    public virtual DepartmentsClient Departments => LazyInitializer.EnsureInitialized(ref _departments, () => new DepartmentsClient(Transport));

    /// <summary>Locations (<c>location.*</c>).</summary>
    public virtual LocationsClient Locations => LazyInitializer.EnsureInitialized(ref _locations, () => new LocationsClient(Transport));

    /// <summary>Offers (<c>offer.*</c>).</summary>
    public virtual OffersClient Offers => LazyInitializer.EnsureInitialized(ref _offers, () => new OffersClient(Transport));

    /// <summary>Custom field definitions (<c>customField.*</c>).</summary>
    public virtual CustomFieldsClient CustomFields => LazyInitializer.EnsureInitialized(ref _customFields, () => new CustomFieldsClient(Transport));

    /// <summary>Users (<c>user.*</c>).</summary>
    public virtual UsersClient Users => LazyInitializer.EnsureInitialized(ref _users, () => new UsersClient(Transport));

    /// <summary>Sources (<c>source.*</c>).</summary>
    public virtual SourcesClient Sources => LazyInitializer.EnsureInitialized(ref _sources, () => new SourcesClient(Transport));

    /// <summary>Archive reasons (<c>archiveReason.*</c>).</summary>
    public virtual ArchiveReasonsClient ArchiveReasons => LazyInitializer.EnsureInitialized(ref _archiveReasons, () => new ArchiveReasonsClient(Transport));

    /// <summary>Interview stages (<c>interviewStage.*</c>).</summary>
    public virtual InterviewStagesClient InterviewStages => LazyInitializer.EnsureInitialized(ref _interviewStages, () => new InterviewStagesClient(Transport));

    /// <summary>Hiring team roles (<c>hiringTeamRole.*</c>).</summary>
    public virtual HiringTeamRolesClient HiringTeamRoles => LazyInitializer.EnsureInitialized(ref _hiringTeamRoles, () => new HiringTeamRolesClient(Transport));

    /// <summary>Hiring teams (<c>hiringTeam.*</c>).</summary>
    public virtual HiringTeamClient HiringTeam => LazyInitializer.EnsureInitialized(ref _hiringTeam, () => new HiringTeamClient(Transport));

    /// <summary>Application hiring team roles (<c>applicationHiringTeamRole.*</c>).</summary>
    public virtual ApplicationHiringTeamRolesClient ApplicationHiringTeamRoles => LazyInitializer.EnsureInitialized(ref _applicationHiringTeamRoles, () => new ApplicationHiringTeamRolesClient(Transport));

    /// <summary>Candidate tags (<c>candidateTag.*</c>).</summary>
    public virtual CandidateTagsClient CandidateTags => LazyInitializer.EnsureInitialized(ref _candidateTags, () => new CandidateTagsClient(Transport));

    /// <summary>Files (<c>file.*</c>): download URLs for file handles.</summary>
    public virtual FilesClient Files => LazyInitializer.EnsureInitialized(ref _files, () => new FilesClient(Transport));

    /// <summary>Webhook settings (<c>webhook.*</c>).</summary>
    public virtual WebhooksClient Webhooks => LazyInitializer.EnsureInitialized(ref _webhooks, () => new WebhooksClient(Transport));

    /// <summary>The API key (<c>apiKey.info</c>).</summary>
    public virtual ApiKeyClient ApiKey => LazyInitializer.EnsureInitialized(ref _apiKey, () => new ApiKeyClient(Transport));

    private AshbyTransport Transport => _transport
        ?? throw new InvalidOperationException($"{GetType().Name} was created as a test double; override the members you use.");

    /// <summary>
    /// Calls any endpoint with a JSON body and returns the envelope's <c>results</c> (the escape hatch for endpoints
    /// without a typed method). <c>*.list</c>, <c>*.info</c> and <c>*.search</c> are retried as reads; others as writes.
    /// </summary>
    /// <param name="endpoint">The endpoint, e.g. <c>interviewPlan.list</c>.</param>
    /// <param name="parameters">The body; <see langword="null"/> sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>results</c> element (detached from any buffer).</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    public virtual async Task<JsonElement> SendRawAsync(string endpoint, JsonObject? parameters = null, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var envelope = await Transport.SendAsync(endpoint, parameters, options, cancellationToken).ConfigureAwait(false);
        return envelope.Results;
    }

    /// <summary>
    /// Calls any endpoint with a JSON body and returns the whole response envelope's bytes after checking <c>success</c>.
    /// The body is written straight to UTF-8, without the serializer's reflection metadata (its first use costs a fresh
    /// process about 10 ms).
    /// </summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="parameters">The body; <see langword="null"/> or empty sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as received.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    public virtual async Task<ReadOnlyMemory<byte>> SendRawEnvelopeAsync(string endpoint, JsonObject? parameters, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var envelope = await Transport.SendAsync(endpoint, parameters, options, cancellationToken).ConfigureAwait(false);
        return envelope.Body;
    }

    /// <summary>Calls any endpoint with a UTF-8 JSON body and returns the whole response envelope's bytes after checking <c>success</c>.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="body">The UTF-8 JSON body; empty sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as received.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    public virtual async Task<ReadOnlyMemory<byte>> SendRawBytesAsync(string endpoint, ReadOnlyMemory<byte> body, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var envelope = await Transport.SendAsync(endpoint, body, options, cancellationToken).ConfigureAwait(false);
        return envelope.Body;
    }

    /// <summary>
    /// Streams an endpoint's pages as raw JSON over the bytes Ashby sent, following <c>nextCursor</c> until
    /// <c>moreDataAvailable</c> is false: what a mirror stores, without a copy. Each page's paging is read before the
    /// page is handed on, and the next request is already on its way when it is, so Ashby works on the next page while
    /// this one is taken apart; memory stays a page or two deep. The new sync token is on the last page only.
    /// </summary>
    /// <param name="endpoint">The endpoint, e.g. <c>candidate.list</c>.</param>
    /// <param name="request">Parameters, where to start, page size, request options and any read-ahead hold; <see langword="null"/> reads everything from the start.</param>
    /// <param name="cancellationToken">Cancels the enumeration and the request on its way.</param>
    /// <returns>The pages, in order; dispose each once its items are read.</returns>
    /// <exception cref="AshbyApiException">While enumerating: Ashby answered with an error, or sent a cursor loop.</exception>
    /// <exception cref="AshbySyncRestartRequiredException">While enumerating: the sync token or cursor can no longer be used; start a full pass.</exception>
    public virtual IAsyncEnumerable<AshbyRawPage> EnumerateRawPagesAsync(string endpoint, AshbyRawPageRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        return AshbyRawPageStream.EnumerateAsync(Transport, endpoint, request ?? new AshbyRawPageRequest(), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the owned <see cref="HttpClient"/>, if any.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    private void OnVersion(string endpoint, AshbyVersionInfo info)
    {
        bool warn;
        lock (_versionLock)
        {
            _lastVersion = info;
            warn = info.NeedsAttention && info != _lastWarned;
            if (warn)
            {
                _lastWarned = info;
            }
        }

        if (warn)
        {
            VersionWarning?.Invoke(this, new AshbyVersionWarningEventArgs(endpoint, info));
        }
    }
}
