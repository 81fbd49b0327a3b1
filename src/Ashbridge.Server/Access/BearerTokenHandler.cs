using System.Security.Claims;
using System.Text.Encodings.Web;
using Ashbridge.Core.Access;
using Ashbridge.Core.Exports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ashbridge.Server.Access;

/// <summary>
/// <c>Authorization: Bearer abt_…</c>: an API token made in the UI or with <c>ashbridge token create</c>, for <c>/api</c>
/// only; or <c>abx_…</c>, a token bound to one export, taken only by its rows route (<see cref="ExportTokenAccess"/>).
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenStore tokens, TokenUses uses, ExportTokens exportTokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var presented = header["Bearer ".Length..].Trim();
        if (presented.StartsWith(ExportTokens.Prefix, StringComparison.Ordinal))
        {
            // Refused before it is even looked up: an export token reads its export's rows and nothing else.
            if (!Context.TakesExportTokens()) return AuthenticateResult.Fail("An export token reads only its export's rows (GET /api/exports/{id}/rows).");
            var bound = await exportTokens.ValidateAsync(presented, Context.RequestAborted);
            return bound is null
                ? AuthenticateResult.Fail("The export token is unknown, revoked, or its user was disabled or changed.")
                : AuthenticateResult.Success(new AuthenticationTicket(ExportTokenAccess.Principal(bound, SchemeName), SchemeName));
        }

        var identity = await tokens.ValidateAsync(presented, uses, Context.RequestAborted);
        if (identity is null) return AuthenticateResult.Fail("The API token is unknown, revoked, or its user was disabled or changed.");
        var principal = new ClaimsPrincipal(new ClaimsIdentity(AccessClaims.For(identity.User, identity.ConnectionId, identity.ReadOnly), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
