using Microsoft.AspNetCore.Diagnostics;

namespace Ashbridge.Server.Access;

/// <summary>
/// Errors people meet in a browser get a page in the hub's layout (<c>Pages/Errors/Status</c>): a missing page, a
/// refusal that names the role it needs, too many attempts, the database away, a failure with its request id. The
/// answer keeps its status and the address the person asked for. Scripts' paths (<c>/api</c>, <c>/openapi</c>,
/// <c>/healthz</c>, <c>/webhooks</c>) keep their own answers: problem details or a bare status, never HTML.
/// A stranger's unknown address still leads to sign-in, as every locked route does: the hub does not tell strangers
/// which addresses exist.
/// </summary>
public static class ErrorPages
{
    /// <summary>The page every browser error is re-executed at, <c>{0}</c> being the status.</summary>
    public const string Path = "/error/{0}";

    /// <summary>
    /// Re-executes empty error answers to browser paths at <see cref="Path"/>. Call it before the exception handler,
    /// which leaves a page's exception unwritten (<see cref="PageExceptions"/>) for this to show.
    /// </summary>
    public static WebApplication UseAshbridgeErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePagesWithReExecute(Path);
        app.Use((context, next) =>
        {
            if (!ForPeople(context.Request) && context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return next(context);
        });
        return app;
    }

    /// <summary>Whether an answer to this request may be an HTML page: anything but the paths scripts call.</summary>
    public static bool ForPeople(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !AccessHosting.IsApi(request) && !request.Path.StartsWithSegments("/webhooks");
    }

    /// <summary>
    /// An exception on a browser path is answered with its status (500, 503 for the database away, 400) and nothing
    /// else, so <see cref="UseAshbridgeErrorPages"/> shows the page; scripts' paths keep the problem body.
    /// </summary>
    internal sealed class PageExceptions : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ForPeople(httpContext.Request));
    }
}
