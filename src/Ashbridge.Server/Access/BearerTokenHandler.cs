using System.Security.Claims;
using System.Text.Encodings.Web;
using Ashbridge.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ashbridge.Server.Access;

/// <summary><c>Authorization: Bearer abt_…</c>: an API token made in the UI or with <c>ashbridge token create</c>, for <c>/api</c> only.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenStore tokens, TokenUses uses)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var identity = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), uses, Context.RequestAborted);
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
