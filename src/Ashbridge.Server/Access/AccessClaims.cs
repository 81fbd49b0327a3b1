using System.Globalization;
using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;

namespace Ashbridge.Server.Access;

/// <summary>The claims a signed-in person or token carries, and what they allow.</summary>
public static class AccessClaims
{
    /// <summary>The connection a token is limited to.</summary>
    public const string Connection = "ashbridge:connection";

    /// <summary>Present on tokens that may only read.</summary>
    public const string ReadOnly = "ashbridge:read_only";

    /// <summary>The role names (and policy names) of <see cref="UserRole"/>.</summary>
    public const string AdminRole = "admin";

    public const string ViewerRole = "viewer";

    public static IEnumerable<Claim> For(User user, long? connectionId = null, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Name, user.Email);
        yield return new Claim(ClaimTypes.Role, user.Role == UserRole.Admin ? AdminRole : ViewerRole);
        if (connectionId is { } id) yield return new Claim(Connection, id.ToString(CultureInfo.InvariantCulture));
        if (readOnly) yield return new Claim(ReadOnly, "true");
    }

    /// <summary>Whether this principal may see the connection: anyone signed in, unless a token limits them to another.</summary>
    public static bool CanSee(this ClaimsPrincipal principal, Connection connection)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(connection);
        return principal.FindFirst(Connection)?.Value is not { } limited || limited == connection.Id.ToString(CultureInfo.InvariantCulture);
    }

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal?.IsInRole(AdminRole) == true;

    /// <summary>Who did it, for the audit log.</summary>
    public static string Actor(this ClaimsPrincipal principal) => principal?.Identity?.Name ?? "anonymous";
}
