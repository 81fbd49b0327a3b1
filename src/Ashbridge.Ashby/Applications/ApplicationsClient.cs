using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Applications: <c>application.*</c>. Methods are virtual so test doubles can override them.</summary>
public class ApplicationsClient : AshbyListClient<ApplicationListRequest, Application>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected ApplicationsClient()
    {
    }

    internal ApplicationsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.ApplicationList;

    internal override JsonTypeInfo<ApplicationListRequest> RequestInfo => AshbyJsonContext.Default.ApplicationListRequest;

    internal override JsonTypeInfo<Application> ItemInfo => AshbyJsonContext.Default.Application;

    /// <summary>Fetches one application (with its history). Calls <c>application.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationInfo)]
    public virtual Task<Application> InfoAsync(ApplicationInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.ApplicationInfo, request, AshbyJsonContext.Default.ApplicationInfoRequest, AshbyJsonContext.Default.Application, options, cancellationToken);
    }

    /// <summary>Creates an application (considers a candidate for a job). A write: retried only on HTTP 429. Calls <c>application.create</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationCreate)]
    public virtual Task<Application> CreateAsync(ApplicationCreateRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.ApplicationCreate, request, AshbyJsonContext.Default.ApplicationCreateRequest, AshbyJsonContext.Default.Application, options, cancellationToken);
    }

    /// <summary>Moves an application to another interview stage. A write: retried only on HTTP 429. Calls <c>application.changeStage</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationChangeStage)]
    public virtual Task<Application> ChangeStageAsync(ApplicationChangeStageRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.ApplicationChangeStage, request, AshbyJsonContext.Default.ApplicationChangeStageRequest, AshbyJsonContext.Default.Application, options, cancellationToken);
    }

    /// <summary>Adds a user to an application's hiring team. A write: retried only on HTTP 429. Calls <c>application.addHiringTeamMember</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationAddHiringTeamMember)]
    public virtual Task<HiringTeamMember> AddHiringTeamMemberAsync(ApplicationAddHiringTeamMemberRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.ApplicationAddHiringTeamMember, request, AshbyJsonContext.Default.ApplicationAddHiringTeamMemberRequest, AshbyJsonContext.Default.HiringTeamMember, options, cancellationToken);
    }

    /// <summary>Removes a user from an application's hiring team; answers the member removed. A write: retried only on HTTP 429. Calls <c>application.removeHiringTeamMember</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The application, user or role does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationRemoveHiringTeamMember)]
    public virtual Task<HiringTeamMember> RemoveHiringTeamMemberAsync(ApplicationRemoveHiringTeamMemberRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.ApplicationRemoveHiringTeamMember, request, AshbyJsonContext.Default.ApplicationRemoveHiringTeamMemberRequest, AshbyJsonContext.Default.HiringTeamMember, options, cancellationToken);
    }

    /// <summary>Sets or unsets an application's source. A write: retried only on HTTP 429. Calls <c>application.changeSource</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The application or source does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationChangeSource)]
    public virtual Task<Application> ChangeSourceAsync(ApplicationChangeSourceRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.ApplicationChangeSource, request, AshbyJsonContext.Default.ApplicationChangeSourceRequest, AshbyJsonContext.Default.Application, options, cancellationToken);
    }

    /// <summary>Updates an application's source, credited user or creation time. A write: retried only on HTTP 429. Calls <c>application.update</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The application does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationUpdate)]
    public virtual Task<Application> UpdateAsync(ApplicationUpdateRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.ApplicationUpdate, request, AshbyJsonContext.Default.ApplicationUpdateRequest, AshbyJsonContext.Default.Application, options, cancellationToken);
    }
}
