using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Ashbridge.Server.Access;

/// <summary>
/// The hub's authorization model, in one place. Every endpoint and page declares one of these policies (a route-table
/// test fails on one that does not); handlers that filter or check inside use the same rules through the extension
/// methods below, so a rule is written once.
/// <list type="table">
/// <item><term><see cref="Read"/></term><description>anyone signed in: viewers, finance, admins, any token (a connection-limited one sees only its connection).</description></item>
/// <item><term><see cref="Operate"/></term><description>admins changing a connection they can see: sync, pre-flight, webhooks, new-hire review. Not read-only tokens.</description></item>
/// <item><term><see cref="HubAdmin"/></term><description>admins acting on the whole hub: users, tokens, the audit log, hub-wide settings, adding and removing connections. Not tokens with any limit.</description></item>
/// </list>
/// Compensation (salaries, offers, private custom fields) is not a route but a filter: <see cref="MaySeeCompensation"/>.
/// </summary>
public static class AccessPolicies
{
    public const string Read = "read";

    public const string Operate = "operate";

    public const string HubAdmin = "hub-admin";

    /// <summary>Every policy a route may declare.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Read, Operate, HubAdmin };

    /// <summary>Registers the policies; a route with none falls back to <see cref="Read"/> (and fails the route-table test).</summary>
    public static AuthorizationBuilder AddAshbridgePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // An export token passes only on its rows route (the bearer handler refuses it elsewhere already).
        var read = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.BoundExport() is null || (c.Resource as HttpContext).TakesExportTokens()).Build();
        return builder
            .SetFallbackPolicy(read)
            .AddPolicy(Read, read)
            .AddPolicy(Operate, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.MayOperate() && c.User.BoundExport() is null))
            .AddPolicy(HubAdmin, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsHubAdmin()));
    }

    /// <summary>An admin, not through a read-only token: may change the connections they can see.</summary>
    public static bool MayOperate(this ClaimsPrincipal principal) =>
        principal?.IsInRole(AccessClaims.AdminRole) == true && !principal.HasClaim(c => c.Type == AccessClaims.ReadOnly);

    /// <summary>An admin with no token limit: may manage users, tokens, hub-wide settings and the set of connections.</summary>
    public static bool IsHubAdmin(this ClaimsPrincipal principal) =>
        principal.MayOperate() && !principal.HasClaim(c => c.Type == AccessClaims.Connection);

    /// <summary>Admins and finance see salaries, offers and private custom fields; everyone else gets them filtered out.</summary>
    public static bool MaySeeCompensation(this ClaimsPrincipal principal) =>
        principal?.IsInRole(AccessClaims.AdminRole) == true || principal?.IsInRole(AccessClaims.FinanceRole) == true;
}
