using System.Threading.RateLimiting;
using Ashbridge.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Ashbridge.Server.Access;

/// <summary>
/// The hub is locked by default: every route needs a signed-in person (cookie) or an API token (bearer), except health,
/// sign-in and the webhook intake (which needs a valid signature instead). Admins change things; viewers read; a
/// read-only token cannot change anything; a token limited to one connection sees nothing of the others.
/// </summary>
public static class AccessHosting
{
    /// <summary>The policy of routes that change connections, keys, tokens and users.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The rate-limit policy of the sign-in form: a guessing script gets 429s, not answers.</summary>
    public const string SignInLimit = "sign-in";

    private const string Selector = "ashbridge";

    public static IHostApplicationBuilder AddAshbridgeAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.Cookie.Name = "ashbridge";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // Scripts get status codes, people get the sign-in page.
                o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(AccessClaims.AdminRole));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        builder.Services.AddHostedService<FirstAdmin>();
        return builder;
    }

    /// <summary>Security headers, authentication, the read-only guard, authorization and rate limits, in that order.</summary>
    public static WebApplication UseAshbridgeAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            // A read-only token reads; anything else is refused before it reaches a route.
            if (context.User.HasClaim(c => c.Type == AccessClaims.ReadOnly)
                && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsJsonAsync(new { title = "Read-only token", detail = "This API token may only read; use a token without --read-only to change things." });
            }

            return next(context);
        });
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The first admin: from <c>Ashbridge:Admin:Email</c> and <c>Ashbridge:Admin:Password</c> when no user exists yet; with
/// neither, an admin <c>admin@ashbridge.local</c> whose generated password is written (once, readable by the owner only)
/// to <c>initial-admin-password.txt</c> in the data folder, so the out-of-the-box demo is locked and still usable.
/// </summary>
public sealed partial class FirstAdmin(UserStore users, AuditLog audit, IConfiguration configuration, Core.Storage.AshbridgeDatabase database, ILogger<FirstAdmin> logger) : IHostedService
{
    public const string DefaultEmail = "admin@ashbridge.local";

    public const string PasswordFile = "initial-admin-password.txt";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await users.ListAsync(cancellationToken)).Count > 0) return;
        var email = configuration["Ashbridge:Admin:Email"] is { Length: > 0 } e ? e : DefaultEmail;
        if (configuration["Ashbridge:Admin:Password"] is { Length: > 0 } password)
        {
            await users.AddAsync(email, password, UserRole.Admin, cancellationToken);
            await audit.WriteAsync("configuration", "user.add", email, "first admin from Ashbridge:Admin", cancellationToken);
            return;
        }

        var generated = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        await users.AddAsync(email, generated, UserRole.Admin, cancellationToken);
        var file = Path.Combine(database.Location.DataFolder, PasswordFile);
        Directory.CreateDirectory(database.Location.DataFolder);
        await File.WriteAllTextAsync(file, $"{email}\n{generated}\n", cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await audit.WriteAsync("hub", "user.add", email, "first admin with a generated password", cancellationToken);
        Created(logger, email, file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "No user existed: created the admin {Email}; its password is in {File}. Sign in, then add people with 'ashbridge user add'.")]
    private static partial void Created(ILogger logger, string email, string file);
}
