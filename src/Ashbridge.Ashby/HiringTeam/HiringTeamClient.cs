using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Hiring teams: <c>hiringTeam.*</c>. Methods are virtual so test doubles can override them.</summary>
public class HiringTeamClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected HiringTeamClient()
    {
    }

    internal HiringTeamClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Adds a user to the hiring team of an application, job or opening. A write: retried only on HTTP 429. Calls <c>hiringTeam.addMember</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.HiringTeamAddMember)]
    public virtual Task<HiringTeamMember> AddMemberAsync(HiringTeamAddMemberRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.HiringTeamAddMember, request, AshbyJsonContext.Default.HiringTeamAddMemberRequest, AshbyJsonContext.Default.HiringTeamMember, options, cancellationToken);
    }

    /// <summary>Removes a user from the hiring team of an application, job or opening; answers the member removed. A write: retried only on HTTP 429. Calls <c>hiringTeam.removeMember</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    /// <exception cref="AshbyNotFoundException">The target, user or role does not exist.</exception>
    [AshbyEndpoint(AshbyEndpoints.HiringTeamRemoveMember)]
    public virtual Task<HiringTeamMember> RemoveMemberAsync(HiringTeamRemoveMemberRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.HiringTeamRemoveMember, request, AshbyJsonContext.Default.HiringTeamRemoveMemberRequest, AshbyJsonContext.Default.HiringTeamMember, options, cancellationToken);
    }
}
