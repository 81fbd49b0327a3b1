using Ashbridge.Server.Access;
using Ashbridge.Server.Api;
using Ashbridge.Server.Hosting;
using Ashbridge.Server.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddAshbridgeConnection();
await builder.AddAshbridgeMirrorAsync();

// The stylesheet and script are found from a build's output in any environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorPages();
builder.AddAshbridgeAccess();
builder.AddAshbridgeTelemetry();
builder.AddAshbridgeNewHires();
builder.Services.AddOpenApi();
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = DatabaseOutage.StatusFor });
app.MapStaticAssets().AllowAnonymous();
app.UseAshbridgeAccess();
app.MapStatusApi();
app.MapConnectionsApi();
app.MapWebhooksApi();
app.MapMirrorApi();
app.MapNewHiresApi();
app.MapMembersApi();
app.MapWebhookIntake();
app.MapRazorPages().WithStaticAssets();
app.MapAccessEndpoints();
app.MapOpenApi(); // /openapi/v1.json, for signed-in users like every other route
app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthEndpoint.WriteAsync }).AllowAnonymous();
await app.RunAsync();
