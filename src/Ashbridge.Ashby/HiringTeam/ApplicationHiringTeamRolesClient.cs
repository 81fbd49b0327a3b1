namespace Ashbridge.Ashby;

/// <summary>Application hiring team roles: <c>applicationHiringTeamRole.*</c>. Methods are virtual so test doubles can override them.</summary>
public class ApplicationHiringTeamRolesClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected ApplicationHiringTeamRolesClient()
    {
    }

    internal ApplicationHiringTeamRolesClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>
    /// Lists the roles a user can hold on an application's hiring team (not paginated): the ids
    /// <c>application.addHiringTeamMember</c> and <c>application.removeHiringTeamMember</c> take. Needs candidatesRead.
    /// Calls <c>applicationHiringTeamRole.list</c>.
    /// </summary>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApplicationHiringTeamRoleList)]
    public virtual Task<IReadOnlyList<HiringTeamRole>> ListAsync(AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        return SendListAsync(AshbyEndpoints.ApplicationHiringTeamRoleList, (EmptyRequest?)null, AshbyJsonContext.Default.EmptyRequest, AshbyJsonContext.Default.HiringTeamRole, options, cancellationToken);
    }
}
