using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SignInModel = Ashbridge.Server.Pages.SignInModel;

namespace Ashbridge.Server.Access;

/// <summary>Sign-in and sign-out for people, and the hub admins' API for users, tokens and the audit log.</summary>
public static class AccessEndpoints
{
    /// <summary>What <c>POST /api/tokens</c> takes: a name, and optionally a connection and read-only limit, and the user it acts for.</summary>
    public sealed record NewToken(string Name, string? Connection, bool ReadOnly = false, string? User = null);

    public sealed record CreatedToken(string Token, ApiToken Record);

    /// <summary>What <c>POST /api/users</c> takes.</summary>
    public sealed record NewUser(string Email, string Password, UserRole Role = UserRole.Viewer);

    /// <summary>What <c>PATCH /api/users/{id}</c> takes: a new role, or disabled true/false (what is absent stays).</summary>
    public sealed record UserChange(UserRole? Role = null, bool? Disabled = null);

    /// <summary>What <c>POST /api/users/{id}/password</c> takes.</summary>
    public sealed record PasswordReset(string Password);

    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(AccessHosting.SignInLimit)
            .WithName("SignIn").ExcludeFromDescription();
        // Browsers that ask for the old name get the hub's icon (the layout links /favicon.svg), not a 404.
        routes.MapGet("/favicon.ico", () => TypedResults.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/account/signout", SignOutAsync).RequireAuthorization(AccessPolicies.Read).WithName("SignOut").ExcludeFromDescription();

        var api = routes.MapGroup("/api").RequireAuthorization(AccessPolicies.HubAdmin).WithTags("Access");
        api.MapGet("/tokens", async (TokenStore tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(ct))).WithName("ListTokens").WithSummary("Every API token, with its limits and last use");
        api.MapPost("/tokens", CreateTokenAsync).WithName("CreateToken").WithSummary("Creates an API token; the token is in this answer only");
        api.MapDelete("/tokens/{id:long}", RevokeTokenAsync).WithName("RevokeToken").WithSummary("Revokes a token: it stops working at once");
        api.MapGet("/users", async (UserStore users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct))).WithName("ListUsers").WithSummary("Everyone who may sign in");
        api.MapPost("/users", AddUserAsync).WithName("AddUser").WithSummary("Adds a person (viewer, finance or admin)");
        api.MapPatch("/users/{id:long}", ChangeUserAsync).WithName("ChangeUser").WithSummary("Changes a person's role or disables them; their sessions and tokens end");
        api.MapPost("/users/{id:long}/password", ResetPasswordAsync).WithName("ResetUserPassword").WithSummary("Sets a new password; the person's sessions and tokens end");
        api.MapDelete("/users/{id:long}", RemoveUserAsync).WithName("RemoveUser").WithSummary("Removes a person with their sessions and tokens");
        api.MapGet("/audit", async (AuditLog audit, int? limit, CancellationToken ct) => TypedResults.Ok(await audit.ListAsync(Math.Clamp(limit ?? 200, 1, 1000), ct))).WithName("ListAudit").WithSummary("The latest audited acts, newest first");
        return routes;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        HttpContext context, [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, UserStore users, SessionStore sessions, AuditLog audit,
        ITempDataDictionaryFactory tempData)
    {
        var ct = context.RequestAborted;
        var result = await users.SignInAsync(email ?? "", password ?? "", ct);
        var address = context.Connection.RemoteIpAddress?.ToString();
        var back = RedirectHttpResult.IsLocalUrl(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : "";
        switch (result)
        {
            case { Outcome: SignInOutcome.SignedIn, User: { } user }:
                var session = await sessions.StartAsync(user, ct);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccessHosting.CookiePrincipal(user, session));
                await audit.WriteAsync(user.Email, "sign-in", null, address, ct);
                return TypedResults.Redirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/connections");
            case { Outcome: SignInOutcome.LockedOut, LockedUntil: { } until }:
                await audit.WriteAsync(email ?? "", "sign-in.locked-out", null, address, ct);
                KeepEmail(context, tempData, email);
                return TypedResults.Redirect($"/signin?error={SignInModel.Locked}&until={until.ToUnixTimeSeconds()}{back}");
            default:
                await audit.WriteAsync(email ?? "", "sign-in.failed", null, address, ct);
                KeepEmail(context, tempData, email);
                return TypedResults.Redirect($"/signin?error={SignInModel.Refused}{back}");
        }
    }

    /// <summary>The sign-in page shows the email typed again (TempData is data-protected and read once), never the password.</summary>
    private static void KeepEmail(HttpContext context, ITempDataDictionaryFactory tempData, string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 320) return;
        var data = tempData.GetTempData(context);
        data[SignInModel.EmailKey] = email.Trim();
        data.Save();
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(
        HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, SessionStore sessions, AuditLog audit)
    {
        // No form fields are bound here, so the framework would not check the antiforgery token by itself.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem("Sign out from the hub's own Sign out button.", statusCode: StatusCodes.Status400BadRequest, title: "Missing or wrong antiforgery token");
        }

        if (principal.FindFirst(AccessClaims.Session)?.Value is { } session) await sessions.EndAsync(session, context.RequestAborted);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.WriteAsync(principal.Actor(), "sign-out", null, null, context.RequestAborted);
        return TypedResults.Redirect("/signin");
    }

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateTokenAsync(
        NewToken request, ClaimsPrincipal principal, UserStore users, TokenStore tokens, ConnectionStore connections, AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Name)) return BadRequest("Give the token a name that says what uses it.");
        var ownerEmail = request.User is { Length: > 0 } named ? named : principal.Actor();
        User? owner;
        try
        {
            owner = await users.FindAsync(ownerEmail, ct);
        }
        catch (ArgumentException)
        {
            owner = null;
        }

        if (owner is null) return BadRequest($"There is no user {ownerEmail}.");
        long? connectionId = null;
        if (request.Connection is { Length: > 0 } name)
        {
            if (await connections.FindAsync(name, ct) is not { } c) return BadRequest($"There is no connection named '{name}'.");
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
            return BadRequest(ex.Message);
        }
    }

    private static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(long id, ClaimsPrincipal principal, TokenStore tokens, AuditLog audit, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(id, ct)) return TypedResults.NotFound();
        await audit.WriteAsync(principal.Actor(), "token.revoke", $"token {id}", null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<User>, ProblemHttpResult>> AddUserAsync(NewUser request, ClaimsPrincipal principal, UserAdministration people, CancellationToken ct)
    {
        try
        {
            var user = await people.AddAsync(principal.Actor(), request?.Email ?? "", request?.Password ?? "", request?.Role ?? UserRole.Viewer, ct);
            return TypedResults.Created($"/api/users/{user.Id}", user);
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message);
        }
        catch (UserExistsException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The user exists");
        }
    }

    private static async Task<Results<Ok<User>, ProblemHttpResult>> ChangeUserAsync(long id, UserChange change, ClaimsPrincipal principal, UserAdministration people, CancellationToken ct)
    {
        if (change?.Role is null && change?.Disabled is null) return BadRequest("Say what to change: \"role\" (viewer, finance or admin) and/or \"disabled\" (true or false).");
        try
        {
            return await people.ChangeAsync(principal.Actor(), id, change.Role, change.Disabled, ct) is { } user ? TypedResults.Ok(user) : NoSuchUser(id);
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message);
        }
        catch (UserChangeRefusedException ex)
        {
            return Refused(ex);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(long id, PasswordReset reset, ClaimsPrincipal principal, UserAdministration people, CancellationToken ct)
    {
        try
        {
            return await people.ResetPasswordAsync(principal.Actor(), id, reset?.Password ?? "", ct) is null ? NoSuchUser(id) : TypedResults.NoContent();
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveUserAsync(long id, ClaimsPrincipal principal, UserAdministration people, CancellationToken ct)
    {
        try
        {
            return await people.RemoveAsync(principal.Actor(), id, ct) is null ? NoSuchUser(id) : TypedResults.NoContent();
        }
        catch (UserChangeRefusedException ex)
        {
            return Refused(ex);
        }
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted");

    private static ProblemHttpResult NoSuchUser(long id) => TypedResults.Problem($"There is no user {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such user");

    private static ProblemHttpResult Refused(UserChangeRefusedException ex) => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The user was not changed");
}
