using System.Security.Claims;
using System.Threading.RateLimiting;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Ashbridge.Server.Access;

/// <summary>
/// The hub is locked by default: every route needs a signed-in person (cookie) or, under <c>/api</c>, an API token
/// (bearer), except health, sign-in and the webhook intake (which needs a valid signature instead). What each may do
/// is in <see cref="AccessPolicies"/>. Each request's identity is checked against the database: a cookie against its
/// session and its user's security stamp, a token against its record, so sign-out, disabling, a role change or a
/// password reset take effect at once.
/// </summary>
public static class AccessHosting
{
    /// <summary>The rate-limit policy of the sign-in form: a guessing script gets 429s, not answers.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>The setting with the key that encrypts the Data Protection key ring (else <c>keyring.key</c> in the data folder).</summary>
    public const string KeyRingKeySetting = "Ashbridge:DataProtection:Key";

    private const string Selector = "ashbridge";

    public static IHostApplicationBuilder AddAshbridgeAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "Cookie, or a bearer token under /api", o => o.ForwardDefaultSelector = context =>
                IsApi(context.Request) && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                // Not a redirect target (a refusal answers 403 where it happened, with the error page), but never the
                // framework's /Account/AccessDenied, which does not exist.
                o.AccessDeniedPath = "/error/403";
                o.Cookie.Name = "ashbridge";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                // Scripts get status codes, people get the sign-in page; a refusal is a 403 for both.
                o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder().AddAshbridgePolicies();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessDeniedProblems>();
        builder.Services.AddSingleton<ConnectionAccess>();

        // The ring that signs cookies and antiforgery tokens lives in this hub's database, encrypted with a key of its
        // own: never in the user profile, where every hub on the machine would share (and accept) it.
        builder.Services.AddSingleton(sp => KeyRingKey.From(builder.Configuration[KeyRingKeySetting], sp.GetRequiredService<AshbridgeDatabase>().Location.DataFolder));
        builder.Services.AddDataProtection().SetApplicationName("Ashbridge.Hub");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<AshbridgeDatabase, KeyRingKey>((o, database, key) =>
        {
            o.XmlRepository = new DatabaseKeyRing(database);
            o.XmlEncryptor = new KeyRingEncryptor(key);
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        builder.Services.AddExceptionHandler<ErrorPages.PageExceptions>();
        builder.Services.AddHostedService<FirstAdmin>();
        builder.Services.AddHostedService<TokenUseRecording>();
        return builder;
    }

    /// <summary>
    /// Security headers on every answer, errors included: set as the response starts, so an exception handler or a
    /// status-code answer that clears the headers still goes out with them. Call it before the exception handler.
    /// </summary>
    public static WebApplication UseAshbridgeSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                var headers = response.Headers;
                // Routes marked EmbeddableAnywhere (the public careers feed) may be framed by any site; nothing else may be framed.
                var embeddable = response.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EmbeddableAnywhereAttribute>() is not null;
                headers.ContentSecurityPolicy = $"default-src 'self'; img-src 'self' data:; frame-ancestors {(embeddable ? "*" : "'none'")}; form-action 'self'; base-uri 'none'";
                headers.XContentTypeOptions = "nosniff";
                if (!embeddable) headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }

    /// <summary>Authentication, authorization, rate limits and antiforgery, in that order.</summary>
    public static WebApplication UseAshbridgeAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Where API tokens are accepted: the JSON API and its document. Pages take people's cookies only.</summary>
    internal static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/healthz");

    /// <summary>A cookie is good while its session is: not signed out, its user enabled and unchanged since sign-in.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        User? user;
        try
        {
            user = context.Principal?.FindFirst(AccessClaims.Session)?.Value is { } key
                ? await sessions.ValidateAsync(key, context.HttpContext.RequestAborted)
                : null;
        }
        catch (System.Data.Common.DbException)
        {
            // A session that cannot be checked is not trusted; the cookie is kept, since the outage may pass.
            context.RejectPrincipal();
            return;
        }

        if (user is null || user.Email != context.Principal!.Identity?.Name)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The principal a new session's cookie carries.</summary>
    internal static ClaimsPrincipal CookiePrincipal(User user, string session) =>
        new(new ClaimsIdentity(AccessClaims.For(user, session: session), CookieAuthenticationDefaults.AuthenticationScheme));
}
