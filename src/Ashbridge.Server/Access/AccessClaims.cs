using System.Globalization;
using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;

namespace Ashbridge.Server.Access;

/// <summary>The claims a signed-in person or token carries. What they allow is in <see cref="AccessPolicies"/>.</summary>
public static class AccessClaims
{
    /// <summary>The connection a token is limited to.</summary>
    public const string Connection = "ashbridge:connection";

    /// <summary>Present on tokens that may only read.</summary>
    public const string ReadOnly = "ashbridge:read_only";

    /// <summary>The sign-in session a cookie belongs to (checked against the database on every request).</summary>
    public const string Session = "ashbridge:session";

    /// <summary>The role names of <see cref="UserRole"/>.</summary>
    public const string AdminRole = "admin";

    public const string ViewerRole = "viewer";

    public const string FinanceRole = "finance";

    public static IEnumerable<Claim> For(User user, long? connectionId = null, bool readOnly = false, string? session = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Name, user.Email);
        yield return new Claim(ClaimTypes.Role, RoleName(user.Role));
        if (connectionId is { } id) yield return new Claim(Connection, id.ToString(CultureInfo.InvariantCulture));
        if (readOnly) yield return new Claim(ReadOnly, "true");
        if (session is not null) yield return new Claim(Session, session);
    }

    public static string RoleName(UserRole role) => role switch
    {
        UserRole.Admin => AdminRole,
        UserRole.Finance => FinanceRole,
        _ => ViewerRole,
    };

    /// <summary>Whether this principal may see the connection: anyone signed in, unless a token limits them to another.</summary>
    public static bool CanSee(this ClaimsPrincipal principal, Connection connection)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(connection);
        return principal.LimitedTo() is not { } limited || limited == connection.Id;
    }

    /// <summary>The connection a token limits this principal to, if any.</summary>
    public static long? LimitedTo(this ClaimsPrincipal principal) =>
        principal?.FindFirst(Connection)?.Value is { } limited ? long.Parse(limited, CultureInfo.InvariantCulture) : null;

    /// <summary>Who did it, for the audit log.</summary>
    public static string Actor(this ClaimsPrincipal principal) => principal?.Identity?.Name ?? "anonymous";
}
