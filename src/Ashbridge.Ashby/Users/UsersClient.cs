using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Users: <c>user.*</c>. Methods are virtual so test doubles can override them.</summary>
public class UsersClient : AshbyListClient<UserListRequest, User>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected UsersClient()
    {
    }

    internal UsersClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.UserList;

    internal override JsonTypeInfo<UserListRequest> RequestInfo => AshbyJsonContext.Default.UserListRequest;

    internal override JsonTypeInfo<User> ItemInfo => AshbyJsonContext.Default.User;

    /// <summary>Fetches one user. Calls <c>user.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.UserInfo)]
    public virtual Task<User> InfoAsync(UserInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.UserInfo, request, AshbyJsonContext.Default.UserInfoRequest, AshbyJsonContext.Default.User, options, cancellationToken);
    }

    /// <summary>Finds users by email (empty when none; not paginated). Calls <c>user.search</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.UserSearch)]
    public virtual Task<IReadOnlyList<User>> SearchAsync(UserSearchRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendListAsync(AshbyEndpoints.UserSearch, request, AshbyJsonContext.Default.UserSearchRequest, AshbyJsonContext.Default.User, options, cancellationToken);
    }
}
