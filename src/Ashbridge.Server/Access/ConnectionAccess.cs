using System.Security.Claims;
using Ashbridge.Core.Connections;

namespace Ashbridge.Server.Access;

/// <summary>
/// Which connections a principal may see, for the pages and the API alike: anyone signed in sees every connection,
/// unless a token limits them to one. A connection the principal may not see reads as one that does not exist (no leak).
/// </summary>
public sealed class ConnectionAccess(ConnectionStore connections)
{
    /// <summary>The connection named <paramref name="name"/>, unless there is none or the principal may not see it.</summary>
    public async Task<Connection?> FindVisibleAsync(ClaimsPrincipal principal, string name, CancellationToken cancellationToken) =>
        await connections.FindAsync(name, cancellationToken) is { } c && principal.CanSee(c) ? c : null;

    /// <summary>The connections the principal may see, in the store's order.</summary>
    public async Task<IReadOnlyList<Connection>> VisibleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        [.. (await connections.ListAsync(cancellationToken)).Where(principal.CanSee)];

    /// <summary>The ids of the connections the principal is limited to, or null when it sees them all (the member directory's filter).</summary>
    public static long[]? VisibleIds(ClaimsPrincipal principal) => principal.LimitedTo() is { } limited ? [limited] : null;
}
