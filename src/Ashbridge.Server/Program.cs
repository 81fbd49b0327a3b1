using Ashbridge.Server.Api;
using Ashbridge.Server.Hosting;
using Ashbridge.Server.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddAshbridgeConnection();
await builder.AddAshbridgeMirrorAsync();

// The stylesheet and script are found from a build's output in any environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorPages();

var app = builder.Build();
app.MapStaticAssets();
app.MapStatusApi();
app.MapConnectionsApi();
app.MapWebhooksApi();
app.MapWebhookIntake();
app.MapRazorPages().WithStaticAssets();
app.MapHealthChecks("/healthz");
await app.RunAsync();
