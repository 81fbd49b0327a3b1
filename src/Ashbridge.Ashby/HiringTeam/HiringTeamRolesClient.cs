using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Hiring team roles: <c>hiringTeamRole.*</c>. Methods are virtual so test doubles can override them.</summary>
public class HiringTeamRolesClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected HiringTeamRolesClient()
    {
    }

    internal HiringTeamRolesClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Lists hiring team roles (not paginated). Calls <c>hiringTeamRole.list</c>.</summary>
    /// <param name="request">The parameters; <see langword="null"/> sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.HiringTeamRoleList)]
    public virtual Task<IReadOnlyList<HiringTeamRole>> ListAsync(HiringTeamRoleListRequest? request = null, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        return SendListAsync(AshbyEndpoints.HiringTeamRoleList, request ?? new HiringTeamRoleListRequest(), AshbyJsonContext.Default.HiringTeamRoleListRequest, AshbyJsonContext.Default.HiringTeamRole, options, cancellationToken);
    }
}
