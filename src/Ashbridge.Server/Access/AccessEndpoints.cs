using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ashbridge.Server.Access;

/// <summary>Sign-in and sign-out for people, and the admin API for users, tokens and the audit log.</summary>
public static class AccessEndpoints
{
    public sealed record NewToken(string Name, string? Connection, bool ReadOnly = false, string? User = null);

    public sealed record CreatedToken(string Token, ApiToken Record);

    public sealed record NewUser(string Email, string Password, UserRole Role = UserRole.Viewer);

    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(AccessHosting.SignInLimit)
            .WithName("SignIn").ExcludeFromDescription();
        routes.MapPost("/account/signout", SignOutAsync).WithName("SignOut").ExcludeFromDescription();

        var api = routes.MapGroup("/api").RequireAuthorization(AccessHosting.AdminPolicy).WithTags("Access");
        api.MapGet("/tokens", async (TokenStore tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(ct))).WithName("ListTokens");
        api.MapPost("/tokens", CreateTokenAsync).WithName("CreateToken").WithSummary("Creates an API token; the token is in this answer only");
        api.MapDelete("/tokens/{id:long}", RevokeTokenAsync).WithName("RevokeToken");
        api.MapGet("/users", async (UserStore users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct))).WithName("ListUsers");
        api.MapPost("/users", AddUserAsync).WithName("AddUser");
        api.MapGet("/audit", async (AuditLog audit, int? limit, CancellationToken ct) => TypedResults.Ok(await audit.ListAsync(Math.Clamp(limit ?? 200, 1, 1000), ct))).WithName("ListAudit");
        return routes;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        HttpContext context, [FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl, UserStore users, AuditLog audit)
    {
        var ct = context.RequestAborted;
        var user = await users.VerifyAsync(email, password, ct);
        if (user is null)
        {
            await audit.WriteAsync(email ?? "", "sign-in.failed", null, context.Connection.RemoteIpAddress?.ToString(), ct);
            return TypedResults.Redirect("/signin?error=1" + (IsLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(AccessClaims.For(user), CookieAuthenticationDefaults.AuthenticationScheme));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        await audit.WriteAsync(user.Email, "sign-in", null, context.Connection.RemoteIpAddress?.ToString(), ct);
        return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl! : "/connections");
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context, ClaimsPrincipal principal, AuditLog audit)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.WriteAsync(principal.Actor(), "sign-out", null, null, context.RequestAborted);
        return TypedResults.Redirect("/signin");
    }

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateTokenAsync(
        NewToken request, ClaimsPrincipal principal, UserStore users, TokenStore tokens, ConnectionStore connections, AuditLog audit, CancellationToken ct)
    {
        var owner = await users.FindAsync(request.User ?? principal.Actor(), ct);
        if (owner is null) return TypedResults.Problem($"There is no user {request.User ?? principal.Actor()}.", statusCode: StatusCodes.Status400BadRequest);
        long? connectionId = null;
        if (request.Connection is { Length: > 0 } name)
        {
            if (await connections.FindAsync(name, ct) is not { } c) return TypedResults.Problem($"There is no connection named '{name}'.", statusCode: StatusCodes.Status400BadRequest);
            connectionId = c.Id;
        }

        try
        {
            var (token, record) = await tokens.CreateAsync(owner, request.Name, connectionId, request.ReadOnly, ct);
            await audit.WriteAsync(principal.Actor(), "token.create", $"token {record.Id} ({record.Name}) of {owner.Email}",
                $"connection={request.Connection ?? "all"}, readOnly={request.ReadOnly}", ct);
            return TypedResults.Created($"/api/tokens/{record.Id}", new CreatedToken(token, record));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(long id, ClaimsPrincipal principal, TokenStore tokens, AuditLog audit, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(id, ct)) return TypedResults.NotFound();
        await audit.WriteAsync(principal.Actor(), "token.revoke", $"token {id}", null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<User>, ProblemHttpResult>> AddUserAsync(NewUser request, ClaimsPrincipal principal, UserStore users, AuditLog audit, CancellationToken ct)
    {
        try
        {
            var user = await users.AddAsync(request.Email, request.Password, request.Role, ct);
            await audit.WriteAsync(principal.Actor(), "user.add", user.Email, request.Role.ToString().ToLowerInvariant(), ct);
            return TypedResults.Created($"/api/users/{user.Id}", user);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (UserExistsException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static bool IsLocal(string? url) => url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
