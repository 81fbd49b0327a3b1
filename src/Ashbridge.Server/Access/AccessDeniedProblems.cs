using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Ashbridge.Server.Access;

/// <summary>
/// A refusal under <c>/api</c> says why, as problem details: which limit of the caller's token or role stands in the
/// way, and what to use instead. Pages and everything else keep the framework's answers.
/// </summary>
public sealed class AccessDeniedProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden || !AccessHosting.IsApi(context.Request))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var user = context.User;
        var detail = user.HasClaim(c => c.Type == AccessClaims.ReadOnly)
            ? "This API token may only read; use a token made without the read-only limit to change things."
            : user.HasClaim(c => c.Type == AccessClaims.Connection) && user.MayOperate()
                ? "This API token is limited to one connection, so it cannot manage users, tokens, hub-wide settings or the set of connections; use an unlimited admin token."
                : "This needs an admin; your role may read only. Ask an admin to change your role if you need it.";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { title = "Not allowed", status = 403, detail }, options: null, contentType: "application/problem+json", context.RequestAborted);
    }
}
