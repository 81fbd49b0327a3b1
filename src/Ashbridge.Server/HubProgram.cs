using Ashbridge.Server.Access;
using Ashbridge.Server.Api;
using Ashbridge.Server.Careers;
using Ashbridge.Server.Hosting;
using Ashbridge.Server.Webhooks;

namespace Ashbridge.Server;

/// <summary>
/// The hub's entry point, shared by <c>dotnet run --project src/Ashbridge.Server</c> and <c>ashbridge serve</c>.
/// </summary>
public static class HubProgram
{
    /// <summary>The name the hub's pages, settings and static assets are found under, whichever program hosts it.</summary>
    public static string ApplicationName => typeof(HubProgram).Assembly.GetName().Name!;

    /// <summary>
    /// Where the hub reads <c>appsettings.json</c>: the current directory when it holds one (a deployment's own), else
    /// the program's folder, where the build puts the hub's. Started from another folder, the hub otherwise ran without
    /// its settings: every request logged at Information, gigabytes of log under a flood.
    /// </summary>
    public static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? Directory.GetCurrentDirectory() : AppContext.BaseDirectory;

    /// <summary>Runs the hub until it is stopped; <paramref name="options"/> default to the arguments alone.</summary>
    public static async Task RunAsync(string[] args, WebApplicationOptions? options = null)
    {
        var builder = WebApplication.CreateBuilder(options ?? new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot() });
        builder.AddAshbridgeForwardedHeaders();
        builder.AddAshbridgeConnection();
        builder.AddAshbridgeMirror();

        // The stylesheet and script are found from a build's output in any environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorPages();
        builder.AddAshbridgeAccess();
        builder.AddAshbridgeTelemetry();
        builder.AddAshbridgeNewHires();
        builder.AddAshbridgeNotices();
        builder.AddAshbridgeUserDirectory();
        builder.AddAshbridgeJson();
        builder.Services.AddOpenApi();
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);

        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseAshbridgeForwardedHeaders(); // first: every later middleware sees the client's address and scheme
        app.UseAshbridgeSecurityHeaders();
        app.UseAshbridgeErrorPages(); // outside the exception handler: browser errors get a page in the layout
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = DatabaseOutage.StatusFor, SuppressDiagnosticsCallback = DatabaseOutage.IsCallersMistake });
        app.MapStaticAssets().AllowAnonymous();
        app.UseAshbridgeAccess();
        app.UseAshbridgeJson(); // after access: a stranger gets 401 first, and these answers carry the security headers
        app.MapStatusApi();
        app.MapPulseApi();
        app.MapOverviewApi();
        app.MapConnectionsApi();
        app.MapWebhooksApi();
        app.MapMirrorApi();
        app.MapNewHiresApi();
        app.MapMembersApi();
        app.MapOpenRolesApi();
        app.MapDedupeApi();
        app.MapUsersApi();
        app.MapDedupeBatchesApi();
        app.MapOutboundApi();
        app.MapOrgChartApi();
        app.MapNoticesApi();
        app.MapExportsApi();
        app.MapCareersFeed();
        app.MapWebhookIntake();
        app.MapRazorPages().WithStaticAssets();
        app.MapAccessEndpoints();
        app.MapOpenApi().RequireAuthorization(AccessPolicies.Read); // /openapi/v1.json, for signed-in users and tokens
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthEndpoint.WriteAsync }).AllowAnonymous();
        await app.RunAsync();
    }
}
