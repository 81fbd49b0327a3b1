using System.Globalization;
using System.Security.Claims;
using Ashbridge.Core.Exports;

namespace Ashbridge.Server.Access;

/// <summary>
/// Export tokens (<c>abx_…</c>) in the hub's access model. Such a token is authenticated only on a route marked with
/// <see cref="ExportTokenRouteAttribute"/> (its export's rows); anywhere else the bearer handler refuses it (401) before
/// anything is read, and the <see cref="AccessPolicies.Read"/> policy refuses its principal too, should a route ever be
/// reached another way. Its principal carries no role: it never passes Operate or HubAdmin, and sees compensation only
/// through <see cref="MaySeeExportCompensation"/>.
/// </summary>
public static class ExportTokenAccess
{
    /// <summary>The export a token is bound to.</summary>
    public const string ExportClaim = "ashbridge:export";

    /// <summary>The token's id, for its last use.</summary>
    public const string TokenClaim = "ashbridge:export_token";

    /// <summary>Present when the token may see compensation (made with it, and its user is an admin or finance).</summary>
    public const string CompensationClaim = "ashbridge:export_compensation";

    /// <summary>The principal of an export token.</summary>
    public static ClaimsPrincipal Principal(ExportTokenIdentity identity, string scheme)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.User.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, $"{identity.User.Email} (export token '{identity.TokenName}')"),
            new(ExportClaim, identity.ExportId.ToString(CultureInfo.InvariantCulture)),
            new(TokenClaim, identity.TokenId.ToString(CultureInfo.InvariantCulture)),
            new(AccessClaims.Connection, identity.ConnectionId.ToString(CultureInfo.InvariantCulture)),
            new(AccessClaims.ReadOnly, "true"),
        };
        if (identity.Compensation) claims.Add(new(CompensationClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The export this principal's token is bound to, if it is an export token.</summary>
    public static long? BoundExport(this ClaimsPrincipal principal) =>
        principal?.FindFirst(ExportClaim)?.Value is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;

    /// <summary>The export token's id, if it is one.</summary>
    public static long? ExportTokenId(this ClaimsPrincipal principal) =>
        principal?.FindFirst(TokenClaim)?.Value is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;

    /// <summary>Whether an export's rows include compensation for this principal: a token's own right, else the role's.</summary>
    public static bool MaySeeExportCompensation(this ClaimsPrincipal principal) =>
        principal.BoundExport() is null ? principal.MaySeeCompensation() : principal.HasClaim(c => c.Type == CompensationClaim);

    /// <summary>Whether the request's route takes export tokens.</summary>
    public static bool TakesExportTokens(this HttpContext? http) =>
        http?.GetEndpoint()?.Metadata.GetMetadata<ExportTokenRouteAttribute>() is not null;
}
